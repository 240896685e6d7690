using System.Globalization;
using System.Text.Json;
using Mnemo.Benchmarks.Baselines;
using Mnemo.TestSupport;

namespace Mnemo.Benchmarks.Tests.Baselines;

/// <summary>Saved benchmark runs compared with later ones by a significance test, so that regressions are caught by a command (issue 17).</summary>
[Trait("Issue", "17")]
public sealed class BaselineComparisonTests
{
    [Fact]
    public void PValue_TextbookWelchExample_MatchesThePublishedValue()
    {
        // R: t.test(c(1,2,3,4,5), c(2,4,6,8,10)) gives t = -1.8974, df = 5.8824, p-value = 0.1075.
        var p = WelchTest.PValue([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);

        Assert.NotNull(p);
        Assert.Equal(0.1075, p.Value, 0.0005);
    }

    [Fact]
    public void PValue_OneRunEachSide_IsNotTestable() => Assert.Null(WelchTest.PValue([1], [2]));

    [Fact]
    public void PValue_SpreadlessFiguresThatDiffer_AreACertainChange()
    {
        Assert.InRange(WelchTest.PValue([0.9, 0.9, 0.9], [0.8, 0.8, 0.8])!.Value, 0, 1e-9);
        Assert.Equal(1, WelchTest.PValue([0.9, 0.9], [0.9, 0.9]));
    }

    [Fact]
    public void Compare_SlowerLatencyAndLowerThroughput_AreRegressions()
    {
        var random = new Random(7);
        var baseline = Runs(random, 8, latency: 10, throughput: 1000);
        var current = Runs(random, 8, latency: 12, throughput: 800);

        var comparison = BaselineComparison.Compare(baseline, current, 0.05);

        Assert.Equal(["latency.p50_ms", "ops_per_sec"], comparison.Regressions.Select(m => m.Metric));
        Assert.Equal(MetricVerdict.Same, comparison.Metrics.Single(m => m.Metric == "seed").Verdict);
        var latency = comparison.Metrics.Single(m => m.Metric == "latency.p50_ms");
        Assert.Equal(MetricDirection.LowerIsBetter, latency.Direction);
        Assert.True(latency.PValue < 0.001);
        Assert.Equal(0.2, latency.Change!.Value, 0.05);
    }

    [Fact]
    public void Compare_FasterRuns_AreBetterNotRegressions()
    {
        var random = new Random(8);

        var comparison = BaselineComparison.Compare(Runs(random, 6, 12, 800), Runs(random, 6, 10, 1000), 0.05);

        Assert.Empty(comparison.Regressions);
        Assert.Equal(MetricVerdict.Better, comparison.Metrics.Single(m => m.Metric == "ops_per_sec").Verdict);
    }

    [Fact]
    public void Compare_RunsOfTheSameDistribution_RarelyFlagARegression()
    {
        // 400 comparisons of 5 runs against 5 runs, each of figures that do not change: the Holm correction keeps the
        // chance that any figure is flagged at or below the level (0.05), whatever the number of figures.
        var flagged = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            if (BaselineComparison.Compare(Runs(random, 5, 10, 1000), Runs(random, 5, 10, 1000), 0.05).Metrics.Any(m => m.Significant))
            {
                flagged++;
            }
        }

        Assert.InRange(flagged / 400.0, 0, 0.075);
    }

    [Fact]
    public void Compare_BaselinesOfDifferentBenchmarks_IsACallerError()
    {
        var kv = BenchmarkRuns.FromResults(["""{"benchmark":"kv","x_ms":1}"""]);
        var context = BenchmarkRuns.FromResults(["""{"benchmark":"context","x_ms":1}"""]);

        var error = Assert.Throws<ArgumentException>(() => BaselineComparison.Compare(kv, context, 0.05));
        Assert.Contains("mnemo bench kv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flatten_NestedObjects_KeepsNumbersByPathAndSkipsArrays()
    {
        using var document = JsonDocument.Parse("""{"benchmark":"kv","a":{"b_ms":2.5,"c":[1,2]},"n":3,"s":"text"}""");

        var figures = BenchmarkMetrics.Flatten(document.RootElement);

        Assert.Equal(new Dictionary<string, double> { ["a.b_ms"] = 2.5, ["n"] = 3 }, figures);
    }

    [Fact]
    public void ReadFile_WhatWriteFileWrote_AndASingleJsonResult_BothRead()
    {
        using var temp = new TempDirectory();
        var runs = BenchmarkRuns.FromResults(["""{"benchmark":"kv","x_ms":1}""", """{"benchmark":"kv","x_ms":2}"""]);
        runs.WriteFile(temp.File("base.json"), DateTimeOffset.UnixEpoch);
        File.WriteAllText(temp.File("one.json"), """{"benchmark":"kv","x_ms":3}""");

        var saved = BenchmarkRuns.ReadFile(temp.File("base.json"));
        var single = BenchmarkRuns.ReadFile(temp.File("one.json"));

        Assert.Equal("kv", saved.Benchmark);
        Assert.Equal([1.0, 2.0], saved.Figures()["x_ms"]);
        Assert.Equal([3.0], single.Figures()["x_ms"]);
    }

    [Fact]
    public void ReadFile_MissingOrNotJson_NamesTheFileAndTheFix()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("bad.json"), "not json");

        Assert.Contains("--baseline", Assert.Throws<ArgumentException>(() => BenchmarkRuns.ReadFile(temp.File("missing.json"))).Message, StringComparison.Ordinal);
        Assert.Contains("bad.json", Assert.Throws<ArgumentException>(() => BenchmarkRuns.ReadFile(temp.File("bad.json"))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain_puts_per_sec", "HigherIsBetter")]
    [InlineData("assembled.recall_at_1000", "HigherIsBetter")]
    [InlineData("latency.p50_ms", "LowerIsBetter")]
    [InlineData("peak_bytes", "LowerIsBetter")]
    [InlineData("sampling_share", "LowerIsBetter")]
    [InlineData("seed", "Unknown")]
    public void Direction_FromTheFiguresName(string metric, string expected) => Assert.Equal(expected, MetricDirections.Of(metric).ToString());

    private static BenchmarkRuns Runs(Random random, int count, double latency, double throughput) =>
        BenchmarkRuns.FromResults(Enumerable.Range(0, count).Select(_ => string.Create(CultureInfo.InvariantCulture,
            $$"""{"benchmark":"kv","seed":42,"latency":{"p50_ms":{{latency * (1 + 0.03 * Gaussian(random))}}},"ops_per_sec":{{throughput * (1 + 0.03 * Gaussian(random))}},"samples":{{random.Next(5, 9)}}}""")));

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
