using System.Text.Json;

namespace Mnemo.Cli.Tests.Benchmarks;

public sealed class BenchCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task BenchSearch_SmallRun_ReportsLatencyOfEveryMode()
    {
        var result = await _cli.RunAsync("bench", "search", "--count", "2000", "--queries", "50", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.True(json.GetProperty("import").GetProperty("entries_per_sec").GetDouble() > 0);
        Assert.True(json.GetProperty("index_build").GetProperty("full_text").GetProperty("seconds").GetDouble() > 0);
        Assert.True(json.GetProperty("index_build").GetProperty("vector").GetProperty("entries_per_sec").GetDouble() > 0);
        foreach (var mode in new[] { "hybrid", "full_text", "vector" })
        {
            var figures = json.GetProperty(mode);
            Assert.Equal(50, figures.GetProperty("searches").GetInt32());
            foreach (var field in new[] { "p50_ms", "p95_ms", "p99_ms", "mean_ms" })
            {
                Assert.True(figures.GetProperty(field).GetDouble() > 0, $"{mode}.{field}");
            }

            Assert.InRange(figures.GetProperty("source_in_top_10").GetDouble(), 0, 1);
        }
    }

    [Fact]
    public async Task BenchSearch_Reuse_TimesTheEntriesOfAnEarlierRunWithoutWritingAgain()
    {
        var db = _cli.Temp.File("bench.db");
        var first = await CliHarness.RunRawAsync("bench", "search", "--count", "300", "--queries", "10", "--db", db, "--json");
        var head = (await CliHarness.RunRawAsync("status", "--db", db, "--json")).Json().GetProperty("last_sequence").GetInt64();

        var reused = await CliHarness.RunRawAsync("bench", "search", "--count", "300", "--queries", "10", "--db", db, "--json", "--reuse");
        var otherSeed = await CliHarness.RunRawAsync("bench", "search", "--count", "300", "--seed", "5", "--db", db, "--reuse");
        var withoutDb = await CliHarness.RunRawAsync("bench", "search", "--count", "300", "--reuse");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(reused.ExitCode == 0, reused.ToString());
        Assert.Equal(JsonValueKind.Null, reused.Json().GetProperty("import").ValueKind);
        Assert.Equal(300, reused.Json().GetProperty("index_build").GetProperty("entries").GetInt64());
        Assert.Equal(10, reused.Json().GetProperty("hybrid").GetProperty("searches").GetInt32());
        Assert.Equal(head, (await CliHarness.RunRawAsync("status", "--db", db, "--json")).Json().GetProperty("last_sequence").GetInt64());
        Assert.Equal(1, otherSeed.ExitCode);
        Assert.Contains("run once without --reuse", otherSeed.Error, StringComparison.Ordinal);
        Assert.Equal(1, withoutDb.ExitCode);
        Assert.Contains("--reuse needs --db", withoutDb.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_WithoutDb_NeverCreatesTheDefaultDatabase()
    {
        var home = _cli.Temp.File("home");
        var environment = new Dictionary<string, string?> { ["MNEMO_HOME"] = home };

        var recall = await CliHarness.RunProcessAsync("mnemo.dll", ["bench", "recall", "--conversations", "1", "--sessions", "8", "--json"], environment);
        var search = await CliHarness.RunProcessAsync("mnemo.dll", ["bench", "search", "--count", "300", "--queries", "10", "--json"], environment);

        Assert.True(recall.ExitCode == 0, recall.ToString());
        Assert.True(search.ExitCode == 0, search.ToString());
        Assert.Equal(JsonValueKind.Object, search.Json().ValueKind);
        Assert.False(Directory.Exists(home), "a benchmark created the default database's directory");
    }
}
