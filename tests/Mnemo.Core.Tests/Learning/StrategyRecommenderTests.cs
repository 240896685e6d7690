using System.Text.Json;
using Mnemo.Core.Learning;

namespace Mnemo.Core.Tests.Learning;

[Trait("Issue", "18")]
public sealed class StrategyRecommenderTests
{
    private static readonly DateTimeOffset s_now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Recommend_NoExploration_PicksTheHighestPosteriorMeanWithItsBetaFigures()
    {
        var outcomes = Many("fast", successes: 8, failures: 2).Concat(Many("safe", successes: 5, failures: 5)).ToList();
        var parameters = LearningParameters.Default with { Exploration = 0, HalfLifeDays = 0 };

        var result = StrategyRecommender.Recommend(outcomes, "etl", [], [], parameters, s_now, new Random(1));

        Assert.Equal("fast", result.Strategy);
        Assert.Equal(9.0 / 12, result.ExpectedSuccessRate, 12); // Beta(1 + 8, 1 + 2)
        var (low, high) = new BetaDistribution(9, 3).CredibleInterval(0.9);
        Assert.Equal(low, result.Estimate.Low, 12);
        Assert.Equal(high, result.Estimate.High, 12);
        Assert.False(result.Explored);
        Assert.False(result.NoEvidence);
        Assert.Equal(["fast", "safe"], result.Candidates.Select(c => c.Strategy));
    }

    [Fact]
    public void Recommend_UnknownTaskType_AnswersNoEvidenceWithThePrior()
    {
        var result = StrategyRecommender.Recommend([], "never-seen", [], [], LearningParameters.Default, s_now, new Random(1));

        Assert.Null(result.Strategy);
        Assert.True(result.NoEvidence);
        Assert.Equal(0.5, result.ExpectedSuccessRate, 12);
        Assert.Contains("no outcome of task type never-seen", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_Decay_LetsRecentFailuresOutweighOldSuccesses()
    {
        var old = Many("fast", successes: 20, failures: 0, at: s_now.AddDays(-120));
        var recent = Many("fast", successes: 0, failures: 6, at: s_now.AddDays(-1));
        var other = Many("safe", successes: 6, failures: 4, at: s_now.AddDays(-1));
        var parameters = LearningParameters.Default with { Exploration = 0, HalfLifeDays = 10 };

        var result = StrategyRecommender.Recommend([.. old, .. recent, .. other], "etl", [], [], parameters, s_now, new Random(1));

        Assert.Equal("safe", result.Strategy);
    }

    [Fact]
    public void Recommend_InAContextWithLittleData_PoolsFromElsewhereUpToMinEvidence()
    {
        var large = Feature("data_size=large");
        var elsewhere = Many("fast", successes: 90, failures: 10);
        var here = Many("fast", successes: 0, failures: 2, context: large);
        var parameters = LearningParameters.Default with { Exploration = 0, HalfLifeDays = 0, MinEvidence = 5 };

        var result = StrategyRecommender.Recommend([.. elsewhere, .. here], "etl", large, [], parameters, s_now, new Random(1));

        // Prior Beta(1,1) + (5 − 2)/100 of (90, 10) + the context's (0, 2): elsewhere fills the gap up to 5 outcomes.
        var estimate = Assert.Single(result.Candidates);
        Assert.Equal(1 + 2.7, estimate.InContext!.Alpha, 9);
        Assert.Equal(1 + 0.3 + 2, estimate.InContext.Beta, 9);
        Assert.True(estimate.Pooled);
        Assert.Equal(2, estimate.InContext.Outcomes);
        Assert.Equal(91.0 / 104, estimate.Overall.Mean, 9); // Beta(1 + 90, 1 + 10 + 2)
    }

    [Fact]
    public void Recommend_InAContextWithEnoughData_UsesOnlyItsOwnOutcomes()
    {
        var large = Feature("data_size=large");
        var elsewhere = Many("fast", successes: 90, failures: 10);
        var here = Many("fast", successes: 1, failures: 5, context: large);
        var parameters = LearningParameters.Default with { Exploration = 0, HalfLifeDays = 0, MinEvidence = 5 };

        var estimate = Assert.Single(StrategyRecommender.Recommend([.. elsewhere, .. here], "etl", large, [], parameters, s_now, new Random(1)).Candidates);

        Assert.Equal(1 + 1, estimate.InContext!.Alpha, 12);
        Assert.Equal(1 + 5, estimate.InContext.Beta, 12);
        Assert.False(estimate.Pooled);
    }

    [Fact]
    public void Recommend_ThompsonSampling_ExploresAWeakerButUncertainCandidateSometimes()
    {
        var outcomes = Many("proven", successes: 30, failures: 20).Concat(Many("new", successes: 1, failures: 1)).ToList();
        var parameters = LearningParameters.Default with { HalfLifeDays = 0, Exploration = 1 }; // plain Thompson sampling
        var random = new Random(3);

        var picks = Enumerable.Range(0, 400)
            .Select(_ => StrategyRecommender.Recommend(outcomes, "etl", [], [], parameters, s_now, random).Strategy)
            .ToList();

        var share = picks.Count(p => p == "new") / 400.0;
        Assert.InRange(share, 0.1, 0.6);
    }

    [Fact]
    public void Recommend_NamedCandidates_IncludesUntriedOnesAtThePrior()
    {
        var outcomes = Many("fast", successes: 1, failures: 9).ToList();
        var parameters = LearningParameters.Default with { Exploration = 0, HalfLifeDays = 0 };

        var result = StrategyRecommender.Recommend(outcomes, "etl", [], ["fast", "untried"], parameters, s_now, new Random(1));

        Assert.Equal("untried", result.Strategy);
        Assert.Equal(0.5, result.ExpectedSuccessRate, 12);
        Assert.True(result.Thin);
    }

    private static IReadOnlyList<string> Feature(string feature) => [feature];

    private static IEnumerable<TaskOutcome> Many(
        string strategy, int successes, int failures, DateTimeOffset? at = null, IReadOnlyList<string>? context = null) =>
        Enumerable.Range(0, successes + failures).Select(i => new TaskOutcome(
            $"learning/outcomes/etl/{strategy}-{i}", "etl", strategy, i < successes, i < successes ? 1 : 0, null, [],
            context ?? [], null, [], [], at ?? s_now.AddHours(-1), null, null));

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
