using System.Reflection;

namespace Mnemo.Benchmarks;

/// <summary>
/// How to start the running <c>mnemo</c> again as a child process (its MCP server, lock workers): the executable and the
/// arguments that come before mnemo's own.
/// </summary>
/// <param name="Command">The executable: mnemo itself, or the dotnet host.</param>
/// <param name="Prefix">Arguments before mnemo's: empty, or the path of mnemo.dll under the dotnet host.</param>
internal sealed record MnemoCommandLine(string Command, IReadOnlyList<string> Prefix)
{
    /// <summary>
    /// The command line of this process's mnemo, whose entry assembly is <paramref name="cli"/>: the same executable or,
    /// when the CLI runs as <c>dotnet mnemo.dll</c> or inside another host (a test runner), the same assembly under the
    /// dotnet host.
    /// </summary>
    /// <exception cref="Mcp.McpBenchmarkException">The running executable cannot be told.</exception>
    public static MnemoCommandLine Of(Assembly cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var process = Environment.ProcessPath
            ?? throw new Mcp.McpBenchmarkException("cannot tell which executable runs this mnemo, so cannot start 'mnemo mcp'");
        var name = cli.GetName().Name ?? "mnemo";
        var assembly = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        var host = Path.GetFileNameWithoutExtension(process);
        if (!File.Exists(assembly) || string.Equals(host, name, StringComparison.OrdinalIgnoreCase))
        {
            // A native or single-file mnemo, or the apphost beside mnemo.dll: the process is mnemo itself.
            return new MnemoCommandLine(process, []);
        }

        if (string.Equals(host, "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return new MnemoCommandLine(process, [assembly]);
        }

        // Hosted by another program (a test runner): run mnemo.dll with the dotnet host that runs .NET here.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        return new MnemoCommandLine(dotnet, [assembly]);
    }

    /// <summary>The command line as one string, for reports.</summary>
    public string Display(params string[] arguments) => string.Join(' ', [Command, .. Prefix, .. arguments]);
}
