using System.Text.Json;

namespace Mnemo.Cli.Tests.Monitoring;

/// <summary><c>mnemo optimize</c>: its text and JSON, caller errors, and a swarm request answered by a real <c>mnemo mcp</c> process.</summary>
[Trait("Issue", "17")]
public sealed class OptimizeCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Optimize_Json_ReportsEachDefaultStrategyWithMeasuredBytes()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(0, (await _cli.RunAsync("store", $"notes/{i}", $"note number {i}")).ExitCode);
        }

        var result = await _cli.RunAsync("optimize", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.False(json.GetProperty("dry_run").GetBoolean());
        var results = json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["purge-expired", "compact-index", "vacuum", "checkpoint-wal", "evict-caches", "compact-heap"],
            results.Select(r => r.GetProperty("strategy").GetString()));
        var wal = results.Single(r => r.GetProperty("strategy").GetString() == "checkpoint-wal");
        Assert.Equal("acted", wal.GetProperty("outcome").GetString());
        Assert.Equal(0, wal.GetProperty("bytes_after").GetInt64());
        var vacuum = results.Single(r => r.GetProperty("strategy").GetString() == "vacuum");
        Assert.Equal(new FileInfo(_cli.Database).Length, vacuum.GetProperty("figures").GetProperty("database_file_bytes").GetProperty("after").GetInt64());
        Assert.All(results, r => Assert.True(r.GetProperty("elapsed_seconds").GetDouble() >= 0));
    }

    [Fact]
    public async Task Optimize_DryRunText_SaysWhatEachWouldDo()
    {
        Assert.Equal(0, (await _cli.RunAsync("store", "tmp/a", "short lived", "--ttl", "1s")).ExitCode);

        var result = await _cli.RunAsync("optimize", "--dry-run", "--strategy", "purge-expired", "--strategy", "checkpoint-wal");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("dry run in process ", result.Output, StringComparison.Ordinal);
        Assert.Contains("purge-expired", result.Output, StringComparison.Ordinal);
        Assert.Contains("of database pages in use", result.Output, StringComparison.Ordinal);
        Assert.Contains("would copy the write-ahead log", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("vacuum", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("freed", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_UnknownStrategy_ExitsOneNamingTheKnownOnes()
    {
        var result = await _cli.RunAsync("optimize", "--strategy", "defrag");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'defrag' is not an optimization strategy", result.Error, StringComparison.Ordinal);
        Assert.Contains("compact-heap", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.Database));
    }

    [Fact]
    public async Task Optimize_QuantizeIndexJson_ReportsInt8IndexAndRecall()
    {
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(0, (await _cli.RunAsync("store", $"notes/{i}", $"note number {i} about topic {i % 7}")).ExitCode);
        }

        var result = await _cli.RunAsync("optimize", "--strategy", "quantize-index", "--json");

        Assert.Equal(0, result.ExitCode);
        var quantize = Assert.Single(result.Json().GetProperty("results").EnumerateArray());
        Assert.Equal("acted", quantize.GetProperty("outcome").GetString());
        Assert.True(quantize.GetProperty("bytes_after").GetInt64() < quantize.GetProperty("bytes_before").GetInt64());
        Assert.InRange(quantize.GetProperty("ratios").GetProperty("recall_at_10").GetDouble(), 0.0, 1.0);
    }

    [Fact]
    public async Task Optimize_ArchiveColdWithNothingCold_ArchivesNothing()
    {
        Assert.Equal(0, (await _cli.RunAsync("store", "notes/a", "written just now")).ExitCode);

        var result = await _cli.RunAsync("optimize", "--strategy", "archive-cold", "--cold-days", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("archived 0 entries unread and unwritten for 1 days", result.Output, StringComparison.Ordinal);
        Assert.Equal("written just now", (await _cli.RunAsync("get", "notes/a", "--json")).Json().GetProperty("text").GetString());
    }

    [Fact]
    public async Task Optimize_ColdDaysNotPositive_ExitsOne()
    {
        var result = await _cli.RunAsync("optimize", "--strategy", "archive-cold", "--cold-days", "0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--cold-days 0 is not positive", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptimizeSwarm_RunningMcpServer_ReportsFromItsOwnProcess()
    {
        Assert.Equal(0, (await _cli.RunAsync("store", "notes/a", "a note")).ExitCode);
        using var server = CliHarness.Start("mnemo.dll", ["mcp", "--db", _cli.Database]);
        try
        {
            // The server answers requests posted after its listener started, which it does just after opening: ask until it answers.
            JsonElement? peer = null;
            for (var attempt = 0; attempt < 20 && peer is null; attempt++)
            {
                var result = await _cli.RunAsync("optimize", "--swarm", "--strategy", "compact-heap", "--timeout", "3s", "--expect", "1", "--json");
                Assert.Equal(0, result.ExitCode);
                peer = result.Json().GetProperty("peers").EnumerateArray().Select(p => (JsonElement?)p).FirstOrDefault();
            }

            Assert.NotNull(peer);
            Assert.Equal(server.Id, peer.Value.GetProperty("pid").GetInt32());
            var heap = Assert.Single(peer.Value.GetProperty("results").EnumerateArray());
            Assert.Equal("compact-heap", heap.GetProperty("strategy").GetString());
            Assert.Equal("acted", heap.GetProperty("outcome").GetString());
        }
        finally
        {
            server.StandardInput.Close();
            if (!server.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }
}
