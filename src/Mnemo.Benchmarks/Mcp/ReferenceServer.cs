using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Mnemo.Benchmarks.Mcp;

/// <summary>A benchmark cannot run as asked: a server is missing, does not start, or fails a call (exit code 2).</summary>
internal sealed class McpBenchmarkException : Exception
{
    public McpBenchmarkException(string message)
        : base(message)
    {
    }

    public McpBenchmarkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The reference MCP memory server, <c>@modelcontextprotocol/server-memory</c> on Node.js: the given script, else a
/// copy found where npm puts packages, else one installed with npm into a temporary directory for this run only.
/// </summary>
internal sealed class ReferenceServer : IDisposable
{
    /// <summary>The npm package of the reference server.</summary>
    public const string Package = "@modelcontextprotocol/server-memory";

    /// <summary>The version installed when none is found (and preferred among copies found).</summary>
    public const string PinnedVersion = "2026.8.31";

    private static readonly TimeSpan s_quickCommand = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_install = TimeSpan.FromMinutes(5);

    private readonly string? _installDirectory;

    private ReferenceServer(string node, string nodeVersion, string script, string? installDirectory)
    {
        Node = node;
        NodeVersion = nodeVersion;
        Script = script;
        Version = ReadVersion(script);
        _installDirectory = installDirectory;
    }

    /// <summary>The node command.</summary>
    public string Node { get; }

    /// <summary>What <c>node --version</c> printed.</summary>
    public string NodeVersion { get; }

    /// <summary>The server's <c>dist/index.js</c>.</summary>
    public string Script { get; }

    /// <summary>The package's version from its package.json, when it has one.</summary>
    public string? Version { get; }

    /// <summary>True when this run installed the package (into a temporary directory it removes).</summary>
    public bool Installed => _installDirectory is not null;

    /// <summary>
    /// Finds or installs the reference server; <paramref name="given"/> is the path of its <c>dist/index.js</c> from
    /// <c>--reference</c>. Says on <paramref name="error"/> when it installs.
    /// </summary>
    /// <exception cref="McpBenchmarkException">Node.js or npm is missing, or the install failed.</exception>
    /// <exception cref="ArgumentException"><paramref name="given"/> is not a file.</exception>
    public static async Task<ReferenceServer> LocateAsync(string? given, TextWriter error, CancellationToken cancellationToken)
    {
        const string node = "node";
        var version = await RunAsync(node, ["--version"], s_quickCommand, cancellationToken).ConfigureAwait(false);
        if (version is not { ExitCode: 0 })
        {
            throw new McpBenchmarkException(
                $"node was not found on PATH: the reference server ({Package}) runs on Node.js; install Node.js 18 or later, or pass --no-reference to benchmark Mnemo alone");
        }

        var nodeVersion = version.Value.Output.Trim();
        if (given is not null)
        {
            var script = Path.GetFullPath(given);
            return File.Exists(script)
                ? new ReferenceServer(node, nodeVersion, script, null)
                : throw new ArgumentException($"--reference '{given}' is not a file: give the path of {Package}'s dist/index.js");
        }

        var found = (await CandidatesAsync(cancellationToken).ConfigureAwait(false))
            .Where(File.Exists)
            .Select(path => (Path: Path.GetFullPath(path), Version: ReadVersion(path)))
            .ToList();
        if (found.Count > 0)
        {
            var pinned = found.FindIndex(f => f.Version == PinnedVersion);
            return new ReferenceServer(node, nodeVersion, found[Math.Max(0, pinned)].Path, null);
        }

        var directory = Path.Combine(Path.GetTempPath(), $"mnemo-bench-mcp-reference-{Guid.NewGuid():N}");
        await error.WriteLineAsync(
            $"mnemo: {Package} not found (looked in node_modules here and above, npm's global root and npx's cache); " +
            $"installing {Package}@{PinnedVersion} with npm into {directory}, removed afterwards").ConfigureAwait(false);
        try
        {
            var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
            var install = await RunAsync(npm,
                ["install", "--prefix", directory, "--no-audit", "--no-fund", "--loglevel=error", $"{Package}@{PinnedVersion}"],
                s_install, cancellationToken).ConfigureAwait(false);
            if (install is null)
            {
                throw new McpBenchmarkException(
                    $"npm was not found on PATH, so {Package} cannot be installed: install npm, pass --reference PATH to its dist/index.js, or pass --no-reference");
            }

            var script = ScriptIn(Path.Combine(directory, "node_modules"));
            if (install.Value.ExitCode != 0 || !File.Exists(script))
            {
                var reason = install.Value.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
                    ?? $"exit code {install.Value.ExitCode}";
                throw new McpBenchmarkException(
                    $"npm install {Package}@{PinnedVersion} failed ({reason}): pass --reference PATH to a copy of its dist/index.js, or pass --no-reference");
            }

            return new ReferenceServer(node, nodeVersion, script, directory);
        }
        catch
        {
            DeleteDirectory(directory);
            throw;
        }
    }

    /// <summary>Removes the package when this run installed it.</summary>
    public void Dispose()
    {
        if (_installDirectory is not null)
        {
            DeleteDirectory(_installDirectory);
        }
    }

    /// <summary>Where a copy may be: node_modules here and in every parent, npm's global root, npx's cache.</summary>
    private static async Task<List<string>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var candidates = new List<string>();
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            candidates.Add(ScriptIn(Path.Combine(directory.FullName, "node_modules")));
        }

        var root = await RunAsync(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["root", "--global"], s_quickCommand, cancellationToken).ConfigureAwait(false);
        if (root is { ExitCode: 0 } && root.Value.Output.Trim() is { Length: > 0 } global)
        {
            candidates.Add(ScriptIn(global));
        }

        var cache = Environment.GetEnvironmentVariable("npm_config_cache") is { Length: > 0 } configured
            ? configured
            : OperatingSystem.IsWindows()
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "npm-cache")
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".npm");
        var npx = Path.Combine(cache, "_npx");
        if (Directory.Exists(npx))
        {
            candidates.AddRange(Directory.EnumerateDirectories(npx).Order(StringComparer.Ordinal).Select(d => ScriptIn(Path.Combine(d, "node_modules"))));
        }

        return candidates;
    }

    private static string ScriptIn(string nodeModules) =>
        Path.Combine(nodeModules, "@modelcontextprotocol", "server-memory", "dist", "index.js");

    private static string? ReadVersion(string script)
    {
        try
        {
            var package = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(script)!)!, "package.json");
            using var document = JsonDocument.Parse(File.ReadAllBytes(package));
            return document.RootElement.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String
                ? version.GetString()
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Runs a command to its end; null when it cannot be started (not installed).</summary>
    private static async Task<(int ExitCode, string Output, string Error)?> RunAsync(
        string command, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(info);
        }
        catch (Win32Exception)
        {
            return null;
        }

        if (process is null)
        {
            return null;
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new McpBenchmarkException($"'{command} {string.Join(' ', info.ArgumentList)}' did not finish within {timeout.TotalSeconds:0} s");
            }

            return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }
    }

    private static void DeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the system's temporary-file cleanup; the results do not depend on it.
        }
    }
}
