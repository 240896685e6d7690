using System.Diagnostics;
using System.Text.Json;
using Mnemo.Cli.Output;

namespace Mnemo.Cli.Tests.Commands;

/// <summary><c>mnemo monitor</c>: the store measured now and every process that sampled it, as text, JSON lines, once or until Ctrl+C.</summary>
[Trait("Issue", "17")]
public sealed class MonitorCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task MonitorOnce_Text_ShowsTheStoreFilesAndPrefixes()
    {
        await _cli.RunAsync("store", "notes/a", "hello");
        await _cli.RunAsync("store", "proj/x/b", "other");

        var result = await _cli.RunAsync("monitor", "--once");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(_cli.Database, result.Output, StringComparison.Ordinal);
        var database = Line(result.Output, "memory.db ");
        Assert.Contains(HumanText.Bytes(new FileInfo(_cli.Database).Length), database, StringComparison.Ordinal);
        Assert.Contains("database", database, StringComparison.Ordinal);
        Assert.StartsWith("notes ", Line(result.Output, "notes "), StringComparison.Ordinal);
        Assert.StartsWith("proj ", Line(result.Output, "proj "), StringComparison.Ordinal);
        Assert.Contains("(0 processes)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonitorOnceJson_FilesAgreeWithTheFileSystem()
    {
        await _cli.RunAsync("store", "notes/a", "hello");

        var result = await _cli.RunAsync("monitor", "--once", "--json");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var store = JsonDocument.Parse(Assert.Single(lines)).RootElement.GetProperty("measured").GetProperty("store");
        var files = store.GetProperty("files").EnumerateArray().ToList();
        // The log and its index go when the monitor's connection closes; the database stays to be measured again.
        var database = files.Single(f => f.GetProperty("path").GetString() == _cli.Database);
        Assert.Equal(new FileInfo(_cli.Database).Length, database.GetProperty("bytes").GetInt64());
        Assert.Equal("database", database.GetProperty("kind").GetString());
        Assert.Equal("notes", Assert.Single(store.GetProperty("namespaces").EnumerateArray().ToList()).GetProperty("prefix").GetString());
    }

    [Fact]
    public async Task MonitorOnceJson_WhileMcpServerRuns_ListsItsPid()
    {
        await _cli.RunAsync("store", "notes/a", "hello");
        using var server = CliHarness.Start("mnemo.dll", ["mcp", "--db", _cli.Database], new Dictionary<string, string?> { ["MNEMO_METRICS_INTERVAL"] = "1s" });
        try
        {
            // The server samples in the background as it starts: wait (bounded) for its first sample to land.
            JsonElement? seen = null;
            var deadline = Stopwatch.StartNew();
            while (seen is null && deadline.Elapsed < TimeSpan.FromSeconds(60) && !server.HasExited)
            {
                var result = await _cli.RunAsync("monitor", "--once", "--json");
                Assert.Equal(0, result.ExitCode);
                seen = result.Json().GetProperty("processes").EnumerateArray().Cast<JsonElement?>()
                    .FirstOrDefault(p => p!.Value.GetProperty("pid").GetInt32() == server.Id);
                if (seen is null)
                {
                    await Task.Delay(100, Ct);
                }
            }

            var process = Assert.NotNull(seen);
            Assert.True(process.GetProperty("running").GetBoolean());
            Assert.False(process.GetProperty("current").GetBoolean());
            Assert.True(process.GetProperty("working_set").GetInt64() > 0);
            Assert.True(process.GetProperty("samples").GetInt32() >= 1);
        }
        finally
        {
            // An MCP server ends when its client closes stdin.
            server.StandardInput.Close();
            using var exit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            exit.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                await server.WaitForExitAsync(exit.Token);
            }
            catch (OperationCanceledException)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Monitor_Cancelled_ExitsWithZero()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var output = new CancellingWriter(stop);
        var error = new StringWriter();

        var code = await MnemoCli.RunAsync(["monitor", "--interval", "1h", "--db", _cli.Database], output, error, _ => null, TimeProvider.System, stop.Token);

        Assert.Equal(0, code);
        Assert.Equal("", error.ToString());
        Assert.Contains("mnemo monitor", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--interval", "0s")]
    [InlineData("--interval", "soon")]
    [InlineData("--since", "-")]
    public async Task Monitor_BadDuration_IsACallerError(string option, string value)
    {
        var result = await _cli.RunAsync("monitor", "--once", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
    }

    private static string Line(string output, string start) =>
        output.Split('\n').Single(line => line.StartsWith(start, StringComparison.Ordinal));

    /// <summary>Cancels the run (as Ctrl+C does) once the first refresh is written.</summary>
    private sealed class CancellingWriter(CancellationTokenSource stop) : StringWriter
    {
        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            stop.Cancel();
            return Task.CompletedTask;
        }
    }
}
