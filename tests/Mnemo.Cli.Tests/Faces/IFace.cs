using System.Text.Json.Nodes;

namespace Mnemo.Cli.Tests.Faces;

/// <summary>
/// One way into Mnemo (the CLI, the MCP server, the library), each operation answering Core's JSON for its result: the
/// CLI's <c>--json</c>, the MCP tool's structured result (a list unwrapped from its one property) or Core's writer.
/// </summary>
internal interface IFace : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Writes a key; <paramref name="onDuplicate"/> null leaves the face's default (report).</summary>
    Task<JsonNode> StoreAsync(string key, string text, string? kind, string[]? tags, string? metadataJson, double? importance, string? onDuplicate);

    Task<JsonNode> GetAsync(string key);

    /// <summary>A hybrid search with explanations.</summary>
    Task<JsonNode> SearchAsync(string query);

    Task<JsonNode> HistoryAsync(string key);

    /// <summary>The first page of entries under <paramref name="prefix"/>.</summary>
    Task<JsonNode> ListAsync(string prefix);

    Task<JsonNode> LinkAsync(string from, string to, string relation, double weight);

    Task<JsonNode> NeighborsAsync(string key);

    Task<JsonNode> UnlinkAsync(string from, string to);

    Task<JsonNode> ForgetAsync(string pattern);

    Task<JsonNode> StatusAsync();
}
