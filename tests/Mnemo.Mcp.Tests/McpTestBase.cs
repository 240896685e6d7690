using System.IO.Pipelines;
using System.Text.Json;
using Mnemo.Core;
using Mnemo.TestSupport;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp.Tests;

/// <summary>
/// A real MCP client talking to Mnemo's real server over in-memory pipes, the server over an engine on a real SQLite
/// file in a temporary directory.
/// </summary>
public abstract class McpTestBase : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly CancellationTokenSource _stop = new();
    private ITransport? _transport;
    private McpServer? _server;
    private Task? _serving;
    private Pipe? _toServer;

    protected MnemoEngine Engine { get; private set; } = null!;

    /// <summary>The database file the server's engine uses.</summary>
    protected string DatabasePath => _directory.File("memory.db");

    protected McpClient Client { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The settings the server runs with; a test class may override them.</summary>
    protected virtual MnemoMcpSettings Settings => new();

    public async ValueTask InitializeAsync()
    {
        Engine = await TestEngines.OpenAsync(DatabasePath);
        var toServer = _toServer = new Pipe();
        var toClient = new Pipe();
        _transport = MnemoMcpServer.CreateTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream());
        _server = MnemoMcpServer.Create(_transport, Engine, Settings);
        _serving = _server.RunAsync(_stop.Token);
        Client = await McpClient.CreateAsync(new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()), cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _stop.CancelAsync();
        try
        {
            await _serving!;
        }
        catch (OperationCanceledException)
        {
        }

        await _server!.DisposeAsync();
        await _transport!.DisposeAsync();
        await Engine.DisposeAsync();
        _stop.Dispose();
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes raw bytes to the server's input, as a broken client would.</summary>
    protected async Task SendRawAsync(string line)
    {
        await _toServer!.Writer.WriteAsync(System.Text.Encoding.UTF8.GetBytes(line + "\n"), Ct);
        await _toServer.Writer.FlushAsync(Ct);
    }

    /// <summary>Calls a tool with arguments given as a JSON object literal.</summary>
    protected async Task<CallToolResult> CallAsync(string tool, string argumentsJson = "{}")
    {
        using var document = JsonDocument.Parse(argumentsJson);
        var arguments = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        return await Client.CallToolAsync(tool, arguments, cancellationToken: Ct);
    }

    /// <summary>Calls a tool that must succeed and returns its structured result.</summary>
    protected async Task<JsonElement> CallOkAsync(string tool, string argumentsJson = "{}")
    {
        var result = await CallAsync(tool, argumentsJson);
        Assert.False(result.IsError == true, $"{tool} failed: {Text(result)}");
        return result.StructuredContent ?? JsonDocument.Parse(Text(result)).RootElement.Clone();
    }

    /// <summary>Calls a tool that must fail and returns its message.</summary>
    protected async Task<string> CallErrorAsync(string tool, string argumentsJson = "{}")
    {
        var result = await CallAsync(tool, argumentsJson);
        Assert.True(result.IsError, $"{tool} should have failed but returned {Text(result)}");
        return Text(result);
    }

    protected static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));

    /// <summary>The values of a string array property.</summary>
    protected static string[] Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(item => item.GetString()!)];
}
