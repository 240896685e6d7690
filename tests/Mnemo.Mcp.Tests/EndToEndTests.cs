using System.Diagnostics;
using System.Text.Json;
using Mnemo.TestSupport;

namespace Mnemo.Mcp.Tests;

/// <summary>
/// The real <c>mnemo mcp</c> process, driven over stdio by the official MCP TypeScript SDK client, against the reference
/// memory server (<c>@modelcontextprotocol/server-memory</c>) on the same knowledge-graph script.
/// tests/e2e-mcp/compare.mjs runs both servers and compares every answer; it lists the differences that are intended.
/// </summary>
public sealed class EndToEndTests : IDisposable
{
    private static readonly TimeSpan s_comparisonTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan s_installTimeout = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim s_install = new(1, 1);

    private readonly TempDirectory _temp = new();

    /// <inheritdoc />
    public void Dispose() => _temp.Dispose();

    /// <summary>Both servers give the same answers to every call of the script, and list the same graph tools.</summary>
    [Fact]
    public async Task KnowledgeGraphScript_GivesTheSameAnswersAsTheReferenceServer()
    {
        var node = FindOnPath("node")
            ?? throw new InvalidOperationException("node is not on PATH: install Node.js and npm (Debian: apt-get install nodejs npm), as .ci/run does");
        var directory = BuildOutputs.EndToEndDirectory;
        var mnemo = BuildOutputs.MnemoCli;
        Assert.True(File.Exists(mnemo), $"mnemo.dll is not where the build put it: {mnemo}");
        await EnsureNodeModulesAsync(directory);
        var (command, prefix) = MnemoUnderTest.CommandLine(mnemo);

        var run = await RunAsync(node, [Path.Combine(directory, "compare.mjs"), _temp.Path, command, .. prefix], directory, s_comparisonTimeout);

        Assert.True(run.ExitCode == 0, $"the servers' answers differ (or the comparison did not run):\n{run}");
        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal(0, report.RootElement.GetProperty("mismatches").GetArrayLength());
        Assert.True(report.RootElement.GetProperty("calls").GetInt32() >= 20, $"the script ran too few calls:\n{run}");
    }

    /// <summary>The pinned npm packages (the SDK and the reference server), installed from the lock file when missing.</summary>
    private static async Task EnsureNodeModulesAsync(string directory)
    {
        await s_install.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            string[] packages = ["sdk", "server-memory"];
            if (packages.All(name => File.Exists(Path.Combine(directory, "node_modules", "@modelcontextprotocol", name, "package.json"))))
            {
                return;
            }

            var npm = FindOnPath("npm") ?? throw new InvalidOperationException($"npm is not on PATH: it installs {directory}/node_modules");
            var install = await RunAsync(npm, ["ci", "--no-audit", "--no-fund"], directory, s_installTimeout);
            Assert.True(install.ExitCode == 0, $"npm ci failed in {directory}:\n{install}");
        }
        finally
        {
            s_install.Release();
        }
    }

    /// <summary>Runs a process to its end, killing it (and what it started) when <paramref name="timeout"/> passes first.</summary>
    private static async Task<ProcessRun> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The mnemo servers the script starts inherit this environment.
        MnemoVariables.RemoveFrom(info.Environment);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        process.StandardInput.Close();

        // Read to the end whatever happens, so that a report cut short by the timeout is still shown.
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        var run = new ProcessRun($"{file} {string.Join(' ', info.ArgumentList)}", process.ExitCode, await output, await error);
        Assert.False(timedOut, $"still running after {timeout.TotalSeconds:0} s, killed:\n{run}");
        return run;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private sealed record ProcessRun(string Command, int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"$ {Command}\nexit code {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
    }
}
