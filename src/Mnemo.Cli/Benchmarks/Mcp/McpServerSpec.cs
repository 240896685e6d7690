using ModelContextProtocol.Client;

namespace Mnemo.Cli.Benchmarks.Mcp;

/// <summary>A server the benchmark starts as a child process, once per size, each time on a fresh store.</summary>
/// <param name="Label">Its name in the results: <c>mnemo</c> or <c>reference</c>.</param>
/// <param name="Transport">The stdio transport that starts it with its store in the given empty directory.</param>
internal sealed record McpServerSpec(string Label, Func<string, StdioClientTransportOptions> Transport)
{
    /// <summary>The label of Mnemo's server.</summary>
    public const string MnemoLabel = "mnemo";

    /// <summary>The label of the reference server.</summary>
    public const string ReferenceLabel = "reference";

    /// <summary>
    /// This very mnemo as <c>mnemo mcp --db DIR/memory.db</c>: the same executable or, when the CLI runs as
    /// <c>dotnet mnemo.dll</c> or inside another host (a test runner), the same assembly under the dotnet host.
    /// </summary>
    public static McpServerSpec Mnemo()
    {
        var (command, prefix) = MnemoCommand();
        return new McpServerSpec(MnemoLabel, directory => new StdioClientTransportOptions
        {
            Name = MnemoLabel,
            Command = command,
            Arguments = [.. prefix, "mcp", "--db", Path.Combine(directory, "memory.db")],
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

    /// <summary>The command line that runs this mnemo, without its arguments.</summary>
    internal static (string Command, IReadOnlyList<string> Prefix) MnemoCommand()
    {
        var process = Environment.ProcessPath
            ?? throw new McpBenchmarkException("cannot tell which executable runs this mnemo, so cannot start 'mnemo mcp'");
        var name = typeof(MnemoCli).Assembly.GetName().Name ?? "mnemo";
        var assembly = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        var host = Path.GetFileNameWithoutExtension(process);
        if (!File.Exists(assembly) || string.Equals(host, name, StringComparison.OrdinalIgnoreCase))
        {
            // A native or single-file mnemo, or the apphost beside mnemo.dll: the process is mnemo itself.
            return (process, []);
        }

        if (string.Equals(host, "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return (process, [assembly]);
        }

        // Hosted by another program (a test runner): run mnemo.dll with the dotnet host that runs .NET here.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        return (dotnet, [assembly]);
    }
}
