using ModelContextProtocol.Client;

namespace Mnemo.Benchmarks.Mcp;

/// <summary>A server the benchmark starts as a child process, once per size, each time on a fresh store.</summary>
/// <param name="Label">Its name in the results: <c>mnemo</c> or <c>reference</c>.</param>
/// <param name="Transport">The stdio transport that starts it with its store in the given empty directory.</param>
internal sealed record McpServerSpec(string Label, Func<string, StdioClientTransportOptions> Transport)
{
    /// <summary>The label of Mnemo's server.</summary>
    public const string MnemoLabel = "mnemo";

    /// <summary>The label of the reference server.</summary>
    public const string ReferenceLabel = "reference";

    /// <summary>The running mnemo as <c>mnemo mcp --db DIR/memory.db</c>.</summary>
    /// <param name="mnemo">How to start the running mnemo.</param>
    public static McpServerSpec Mnemo(MnemoCommandLine mnemo)
    {
        ArgumentNullException.ThrowIfNull(mnemo);
        return new McpServerSpec(MnemoLabel, directory => new StdioClientTransportOptions
        {
            Name = MnemoLabel,
            Command = mnemo.Command,
            Arguments = [.. mnemo.Prefix, "mcp", "--db", Path.Combine(directory, "memory.db")],
        });
    }

    /// <summary>The reference server on node, storing in <c>DIR/memory.jsonl</c>.</summary>
    public static McpServerSpec Reference(ReferenceServer reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new McpServerSpec(ReferenceLabel, directory => new StdioClientTransportOptions
        {
            Name = ReferenceLabel,
            Command = reference.Node,
            Arguments = [reference.Script],
            EnvironmentVariables = new Dictionary<string, string?> { ["MEMORY_FILE_PATH"] = Path.Combine(directory, "memory.jsonl") },
        });
    }
}
