using System.Text.Json;
using Mnemo.Benchmarks.Learning;
using Mnemo.Core.Learning;

namespace Mnemo.Benchmarks.Tests.Learning;

/// <summary><c>bench learn</c> at a small size on fixed seeds: the figures it reports and how they are computed.</summary>
[Trait("Issue", "18")]
public sealed class LearningBenchmarkTests
{
    private static LearningBenchmarkOptions Small(int rounds = 200, bool drift = true, params int[] seeds) =>
        new(rounds, seeds.Length > 0 ? seeds : [1, 2, 3], Strategies: 4, RoundsPerDay: 24, drift, LearningParameters.Default);

    [Fact]
    public void Run_SmallRun_ReportsEveryPolicySeedAndCheck()
    {
        var result = LearningBenchmark.Run(Small(), TestContext.Current.CancellationToken);
        using var json = Json(result);

        var root = json.RootElement;
        Assert.Equal("learn", root.GetProperty("benchmark").GetString());
        Assert.Equal(200, root.GetProperty("rounds").GetInt32());
        Assert.Equal(100, root.GetProperty("drift_round").GetInt32());
        Assert.Equal(["large"], root.GetProperty("drifting_contexts").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([1, 2, 3], root.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal(LearningParameters.Default.HalfLifeDays * 24, root.GetProperty("parameters").GetProperty("half_life_rounds").GetDouble());
        foreach (var policy in LearningBenchmark.Policies)
        {
            var figures = root.GetProperty("policies").GetProperty(policy);
            var regret = figures.GetProperty("regret").GetProperty("mean").GetDouble();
            var parts = figures.GetProperty("regret_before_drift").GetProperty("mean").GetDouble() + figures.GetProperty("regret_after_drift").GetProperty("mean").GetDouble();
            Assert.Equal(regret, parts, 1);
            Assert.InRange(figures.GetProperty("success_rate").GetProperty("mean").GetDouble(), 0, 1);
            Assert.True(figures.GetProperty("adaptation").TryGetProperty("large", out _), policy);
        }

        Assert.Equal(3, root.GetProperty("per_seed").GetArrayLength());
        Assert.Equal(
            ["mnemo_regret_below_greedy", "mnemo_regret_below_uniform", "mnemo_adapts_in_large", "coverage_near_level"],
            root.GetProperty("checks").EnumerateObject().Select(c => c.Name));
        Assert.InRange(root.GetProperty("coverage").GetProperty("overall").GetProperty("coverage").GetDouble(), 0, 1);
    }

    [Fact]
    public void Run_AnySeed_OracleRegretIsZero()
    {
        var result = LearningBenchmark.Run(Small(rounds: 100, seeds: [7, 8]), TestContext.Current.CancellationToken);

        foreach (var seed in result.Seeds)
        {
            Assert.Equal(0, seed.Of(OraclePolicy.PolicyName).TotalRegret);
            Assert.All(seed.Runs, run => Assert.All(run.Regret, r => Assert.True(r >= 0)));
        }
    }

    [Fact]
    public void Run_FixedSeeds_MnemoRegretBelowUniformOnEverySeed()
    {
        var result = LearningBenchmark.Run(Small(rounds: 300, seeds: [1, 2, 3, 4, 5]), TestContext.Current.CancellationToken);

        Assert.All(result.Seeds, seed => Assert.True(
            seed.Of(MnemoPolicy.PolicyName).TotalRegret < seed.Of(UniformPolicy.PolicyName).TotalRegret, $"seed {seed.Seed}"));
        Assert.True(result.Regret(MnemoPolicy.PolicyName).Mean < result.Regret(UniformPolicy.PolicyName).Mean);
        Assert.True(result.Checks().Single(c => c.Name == "mnemo_regret_below_uniform").Passed);
    }

    [Fact]
    public void Run_SameSeeds_SameFigures()
    {
        var first = LearningBenchmark.Run(Small(rounds: 100), TestContext.Current.CancellationToken);
        var second = LearningBenchmark.Run(Small(rounds: 100), TestContext.Current.CancellationToken);

        foreach (var policy in LearningBenchmark.Policies)
        {
            Assert.Equal(first.Regret(policy), second.Regret(policy));
        }

        Assert.Equal(first.Coverage.Overall, second.Coverage.Overall);
    }

    [Fact]
    public void Coverage_EveryCandidateEveryRound_IsHitsOverIntervals()
    {
        var result = LearningBenchmark.Run(Small(rounds: 200), TestContext.Current.CancellationToken);
        var coverage = result.Coverage;
        using var json = Json(result);

        Assert.Equal(3L * 200 * 4, coverage.Overall.Intervals);
        Assert.Equal(coverage.Overall.Intervals, coverage.BeforeDrift.Intervals + coverage.AfterDrift.Intervals);
        Assert.Equal(coverage.AfterDrift, coverage.ShortlyAfterDrift + coverage.LaterAfterDrift);
        Assert.Equal(coverage.Overall, coverage.Best + coverage.Others);
        Assert.Equal(coverage.Overall, coverage.ByContext[0] + coverage.ByContext[1]);
        Assert.Equal(3L * 200, coverage.Best.Intervals);
        var overall = json.RootElement.GetProperty("coverage").GetProperty("overall");
        Assert.Equal(coverage.Overall.Hits, overall.GetProperty("hits").GetInt64());
        Assert.Equal(Math.Round((double)coverage.Overall.Hits / coverage.Overall.Intervals, 4), overall.GetProperty("coverage").GetDouble());
    }

    [Fact]
    public void Run_NoDrift_ReportsNoAdaptationAndNoAfterDriftRounds()
    {
        var result = LearningBenchmark.Run(Small(rounds: 100, drift: false), TestContext.Current.CancellationToken);

        Assert.Empty(result.DriftingContexts);
        Assert.Equal(0, result.Coverage.AfterDrift.Intervals);
        Assert.Null(result.Coverage.AfterDrift.Rate);
        Assert.All(result.Seeds, seed => Assert.Equal(0, seed.Of(MnemoPolicy.PolicyName).RegretAfter(result.Options.DriftRound)));
        using var json = Json(result);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("drift_round").ValueKind);
    }

    [Fact]
    public void Create_WithDrift_ChangesTheBestOfTheLargeContextOnly()
    {
        foreach (var seed in Enumerable.Range(1, 20))
        {
            var environment = LearningEnvironment.Create(seed, rounds: 100, strategies: 4, drift: true);

            Assert.NotEqual(environment.BestAt(0, 0), environment.BestAt(0, 1));
            Assert.Equal(environment.RatesIn(0, 0), environment.RatesIn(1, 0));
            Assert.NotEqual(environment.BestAt(49, 1), environment.BestAt(50, 1));
            var rates = environment.RatesIn(1, 1);
            var best = rates.Max();
            Assert.All(rates.Where(r => r != best), r => Assert.True(best - r >= 0.1, $"seed {seed}: gap {best - r}"));
        }
    }

    [Fact]
    public void Adaptation_OracleAfterDrift_NeedsHalfAWindowOfVisits()
    {
        var environment = LearningEnvironment.Create(3, rounds: 400, strategies: 4, drift: true);
        var oracle = Enumerable.Range(0, 400).Select(t => environment.BestAt(t, environment.ContextOf(t))).ToArray();
        var never = Enumerable.Range(0, 400).Select(t => environment.BestAt(0, environment.ContextOf(t))).ToArray();

        var rounds = LearningBenchmark.Adaptation(oracle, environment, window: 10)["large"];
        var visits = Enumerable.Range(200, rounds!.Value).Count(t => environment.ContextOf(t) == LearningEnvironment.DriftingContext);

        Assert.Equal(5, visits);
        Assert.Null(LearningBenchmark.Adaptation(never, environment, window: 10)["large"]);
    }

    [Theory]
    [InlineData(0, 4, "rounds 0")]
    [InlineData(100, 1, "strategies 1")]
    [InlineData(100, 13, "strategies 13")]
    public void Run_BadOptions_ThrowsNamingTheSetting(int rounds, int strategies, string expected)
    {
        var options = Small(rounds) with { Strategies = strategies };

        var error = Assert.Throws<ArgumentException>(() => LearningBenchmark.Run(options, TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("101-110", new[] { 101, 102, 103, 104, 105, 106, 107, 108, 109, 110 })]
    [InlineData("1,3, 5", new[] { 1, 3, 5 })]
    [InlineData("1-3,2,9", new[] { 1, 2, 3, 9 })]
    public void Parse_ListsAndRanges_ReturnsTheSeedsInOrder(string text, int[] expected)
    {
        Assert.Equal(expected, SeedList.Parse(text));
        Assert.Equal(expected, SeedList.Parse(SeedList.Format(expected)));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("5-1")]
    [InlineData("-3")]
    [InlineData(",")]
    public void Parse_NotSeeds_ThrowsNamingTheOption(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => SeedList.Parse(text));

        Assert.Contains("--seeds", error.Message, StringComparison.Ordinal);
    }

    private static JsonDocument Json(LearningBenchmarkResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            result.WriteJson(writer);
        }

        return JsonDocument.Parse(stream.ToArray());
    }
}
