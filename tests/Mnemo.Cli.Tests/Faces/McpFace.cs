using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mnemo.Core;
using Mnemo.Mcp;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Cli.Tests.Faces;

/// <summary>
/// Mnemo's real MCP server over in-memory pipes with a real client, on its own database. Its engine has no agent of its
/// own: the server acts as <see cref="FaceSettings.Agent"/> through its settings (a view, engine.As).
/// </summary>
internal sealed class McpFace : IFace
{
    private readonly CancellationTokenSource _stop = new();
    private MnemoEngine _engine = null!;
    private ITransport _transport = null!;
    private McpServer _server = null!;
    private Task _serving = null!;
    private McpClient _client = null!;

    private McpFace()
    {
    }

    public string Name => "mcp";

    public static async Task<McpFace> StartAsync(string database, TimeProvider clock)
    {
        var face = new McpFace();
        var options = MnemoOptions.FromEnvironment(FaceSettings.Variables(withAgent: false)).UseSqlite(database);
        options.TimeProvider = clock;
        // Read counts are flushed on a timer of real time; a long one keeps a flush out of the comparison (the engine
        // shows the reads it has buffered either way, as the CLI's engine, which flushes when each command ends, does).
        options.AccessFlushInterval = TimeSpan.FromHours(1);
        face._engine = await MnemoEngine.OpenAsync(options, Ct);
        var toServer = new Pipe();
        var toClient = new Pipe();
        face._transport = MnemoMcpServer.CreateTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream());
        face._server = MnemoMcpServer.Create(face._transport, face._engine, new MnemoMcpSettings(Agent: FaceSettings.Agent));
        face._serving = face._server.RunAsync(face._stop.Token);
        face._client = await McpClient.CreateAsync(new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()), cancellationToken: Ct);
        return face;
    }

    public Task<JsonNode> StoreAsync(string key, string text, string? kind, string[]? tags, string? metadataJson, double? importance, string? onDuplicate)
    {
        var arguments = new JsonObject { ["key"] = key, ["text"] = text };
        Add(arguments, "kind", kind);
        Add(arguments, "tags", tags is null ? null : new JsonArray([.. tags.Select(t => (JsonNode)t)]));
        Add(arguments, "metadata", metadataJson is null ? null : JsonNode.Parse(metadataJson));
        Add(arguments, "importance", importance);
        Add(arguments, "on_duplicate", onDuplicate);
        return CallAsync("memory_store", arguments);
    }

    public Task<JsonNode> GetAsync(string key) => CallAsync("memory_retrieve", new JsonObject { ["key"] = key });

    public Task<JsonNode> SearchAsync(string query) => ListAsync("memory_search", "results", new JsonObject { ["query"] = query, ["explain"] = true });

    public Task<JsonNode> HistoryAsync(string key) => ListAsync("memory_history", "versions", new JsonObject { ["key"] = key });

    public Task<JsonNode> ListAsync(string prefix) => CallAsync("memory_list", new JsonObject { ["prefix"] = prefix });

    public Task<JsonNode> LinkAsync(string from, string to, string relation, double weight) =>
        CallAsync("memory_link", new JsonObject { ["from"] = from, ["to"] = to, ["relation"] = relation, ["weight"] = weight });

    public Task<JsonNode> NeighborsAsync(string key) => ListAsync("memory_neighbors", "neighbors", new JsonObject { ["key"] = key });

    public Task<JsonNode> UnlinkAsync(string from, string to) => CallAsync("memory_unlink", new JsonObject { ["from"] = from, ["to"] = to });

    public Task<JsonNode> ForgetAsync(string pattern) => CallAsync("memory_forget", new JsonObject { ["key"] = pattern });

    public Task<JsonNode> StatusAsync() => CallAsync("memory_stats", []);

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _stop.CancelAsync();
        await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
        await _server.DisposeAsync();
        await _transport.DisposeAsync();
        await _engine.DisposeAsync();
        _stop.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A tool's structured result: MCP's structured content is an object, so a list comes as its one property.</summary>
    private async Task<JsonNode> ListAsync(string tool, string property, JsonObject arguments)
    {
        var result = (JsonObject)await CallAsync(tool, arguments);
        Assert.Equal([property], result.Select(p => p.Key));
        return result[property]!.DeepClone();
    }

    private async Task<JsonNode> CallAsync(string tool, JsonObject arguments)
    {
        using var document = JsonDocument.Parse(arguments.ToJsonString());
        var values = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        var result = await _client.CallToolAsync(tool, values, cancellationToken: Ct);
        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));
        Assert.False(result.IsError == true, $"{tool} failed: {text}");
        var structured = JsonNode.Parse(result.StructuredContent!.Value.GetRawText())!;

        // What a model reads (the text) says the same as what a program reads (the structured content).
        Assert.True(JsonNode.DeepEquals(structured, JsonNode.Parse(text)), $"{tool}: text and structured content differ");
        return structured;
    }

    private static void Add(JsonObject arguments, string name, JsonNode? value)
    {
        if (value is not null)
        {
            arguments[name] = value;
        }
    }
}
