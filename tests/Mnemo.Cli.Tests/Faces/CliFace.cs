using System.Globalization;
using System.Text.Json.Nodes;
using Mnemo.TestSupport;

namespace Mnemo.Cli.Tests.Faces;

/// <summary>The CLI run in this process on its own database, reading the comparison's variables and clock.</summary>
internal sealed class CliFace(string database, TimeProvider clock) : IFace
{
    public string Name => "cli";

    /// <summary>What the last command wrote on stderr (quota warnings).</summary>
    public string LastError { get; private set; } = "";

    public Task<JsonNode> StoreAsync(string key, string text, string? kind, string[]? tags, string? metadataJson, double? importance, string? onDuplicate)
    {
        var args = new List<string> { "store", key, text };
        Add(args, "--kind", kind);
        Add(args, "--tags", tags is null ? null : string.Join(',', tags));
        Add(args, "--metadata", metadataJson);
        Add(args, "--importance", importance?.ToString(CultureInfo.InvariantCulture));
        Add(args, "--on-duplicate", onDuplicate);
        return RunAsync([.. args]);
    }

    public Task<JsonNode> GetAsync(string key) => RunAsync("get", key);

    public Task<JsonNode> SearchAsync(string query) => RunAsync("search", query, "--explain");

    public Task<JsonNode> HistoryAsync(string key) => RunAsync("history", key);

    public Task<JsonNode> ListAsync(string prefix) => RunAsync("list", prefix);

    public Task<JsonNode> LinkAsync(string from, string to, string relation, double weight) =>
        RunAsync("link", from, to, "--relation", relation, "--weight", weight.ToString(CultureInfo.InvariantCulture));

    public Task<JsonNode> NeighborsAsync(string key) => RunAsync("neighbors", key);

    public Task<JsonNode> UnlinkAsync(string from, string to) => RunAsync("unlink", from, to);

    public Task<JsonNode> ForgetAsync(string pattern) => RunAsync("forget", pattern);

    public Task<JsonNode> StatusAsync() => RunAsync("status");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<JsonNode> RunAsync(params string[] args)
    {
        MnemoVariables.ClearProcess();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await MnemoCli.RunAsync([.. args, "--db", database, "--json"], output, error, FaceSettings.Variables(withAgent: true), clock,
            TestContext.Current.CancellationToken);
        Assert.True(code == 0, $"mnemo {string.Join(' ', args)} exited {code}: {error}");
        LastError = error.ToString();
        return JsonNode.Parse(output.ToString())!;
    }

    private static void Add(List<string> args, string option, string? value)
    {
        if (value is not null)
        {
            args.Add(option);
            args.Add(value);
        }
    }
}
