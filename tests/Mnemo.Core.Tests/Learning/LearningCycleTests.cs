using System.Text.Json;
using Mnemo.Core.Learning;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Learning;

[Trait("Issue", "18")]
public sealed class LearningCycleTests : EngineTestBase
{
    [Fact]
    public async Task GetLearningMetrics_FourOutcomes_MatchesAHandComputedPrequentialEvaluation()
    {
        await Engine.SetLearningParametersAsync(Json("""{"half_life_days":0}"""), Ct);
        // Beta(1,1) prior, no decay, no context. Predictions made before each outcome:
        // 1 A success: A has nothing yet, 1/2;           baseline (1+0)/(2+0) = 1/2
        // 2 A failure: A is Beta(2,1), 2/3;              baseline (1+1)/(2+1) = 2/3
        // 3 B success: A Beta(2,2) 1/2, B Beta(1,1) 1/2; baseline (1+1)/(2+2) = 1/2; a tie: followed
        // 4 A success: A Beta(2,2) 1/2, B Beta(2,1) 2/3; baseline (1+2)/(2+3) = 3/5; not followed, regret 1/6
        await RecordAsync("A", true);
        await RecordAsync("A", false);
        await RecordAsync("B", true);
        await RecordAsync("A", true);

        var metrics = await Engine.GetLearningMetricsAsync("etl", Ct);

        var (predictions, capped) = PrequentialEvaluator.Predict(await Engine.GetOutcomesAsync("etl", Ct), LearningParameters.Default with { HalfLifeDays = 0 });
        Assert.False(capped);
        Assert.Equal([0.5, 2.0 / 3, 0.5, 0.5], predictions.Select(p => p.Predicted), new Tolerance(1e-12));
        Assert.Equal([0.5, 2.0 / 3, 0.5, 0.6], predictions.Select(p => p.Baseline), new Tolerance(1e-12));
        var etl = Assert.Single(metrics.TaskTypes);
        var evaluation = etl.Evaluation;
        Assert.Equal(4, etl.Outcomes);
        Assert.Equal(3, etl.Successes);
        Assert.Equal(["A", "B"], etl.Strategies.Select(s => s.Strategy));
        Assert.Equal(4, evaluation.Evaluated);
        Assert.Equal((0.25 + 4.0 / 9 + 0.25 + 0.25) / 4, evaluation.Brier!.Value, 12);
        Assert.Equal((0.25 + 4.0 / 9 + 0.25 + 0.16) / 4, evaluation.BaselineBrier!.Value, 12);
        Assert.Equal((3 * Math.Log(2) + Math.Log(3)) / 4, evaluation.LogLoss!.Value, 12);
        Assert.Equal(1.0 / 6, evaluation.Regret, 12);
        Assert.Equal(new RecommendationFollowing(3, 2), evaluation.Followed);
        Assert.Equal(new RecommendationFollowing(1, 1), evaluation.NotFollowed);
        var middle = evaluation.Calibration[2];
        Assert.Equal((3, 0.5, 1.0), (middle.Count, middle.MeanPredicted!.Value, middle.ObservedRate!.Value));
        Assert.Equal((1, 0.0), (evaluation.Calibration[3].Count, evaluation.Calibration[3].ObservedRate!.Value));
        Assert.Equal(4, metrics.Overall.Outcomes);
        Assert.Equal(evaluation.Brier, metrics.Overall.Evaluation.Brier);
    }

    [Fact]
    public async Task GetLearningMetrics_UnknownTaskType_AnswersWithNoOutcomes()
    {
        var metrics = await Engine.GetLearningMetricsAsync("never_seen", Ct);

        Assert.Empty(metrics.TaskTypes);
        Assert.Equal(0, metrics.Overall.Outcomes);
        Assert.Null(metrics.Overall.Evaluation.Brier);
    }

    [Fact]
    public async Task RunLearningCycle_StrategyStopsWorkingThenRecovers_WritesTheInsightThenRemovesIt()
    {
        const string Key = "learning/insights/etl/stopped-working-fast";
        await RecordDailyAsync("fast", true, 10);
        Clock.Advance(TimeSpan.FromDays(50));
        await RecordDailyAsync("fast", false, 10);

        var first = await Engine.RunLearningCycleAsync(cancellationToken: Ct);

        Assert.Contains(first.Written, c => c.Key == Key);
        var insight = Assert.Single(await Engine.GetLearningInsightsAsync("etl", Ct));
        Assert.Equal(Key, insight.Key);
        Assert.True(insight.Confidence >= 0.95);
        Assert.Contains("fast stopped working", insight.Text, StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromDays(40));
        await RecordDailyAsync("fast", true, 10);
        var second = await Engine.RunLearningCycleAsync("etl", cancellationToken: Ct);

        Assert.Contains(second.Removed, c => c.Key == Key);
        Assert.Empty(await Engine.GetLearningInsightsAsync("etl", Ct));
        Assert.Null(await Engine.GetAsync(Key, Ct));
    }

    [Fact]
    public async Task RunLearningCycle_Twice_WritesNothingTheSecondTime()
    {
        await RecordAsync("A", true);
        await RecordAsync("B", false, """{"size":"large"}""");

        var first = await Engine.RunLearningCycleAsync(cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromHours(5));
        var second = await Engine.RunLearningCycleAsync(cancellationToken: Ct);

        Assert.NotEmpty(first.Written);
        Assert.Empty(second.Written);
        Assert.Empty(second.Removed);
        Assert.Equal(first.Written.Select(c => c.Key), second.Unchanged.Select(c => c.Key));
        Assert.Equal(1, (await Engine.GetAsync("learning/patterns/etl/A", Ct))!.Version);
    }

    [Fact]
    public async Task RunLearningCycle_DryRun_ReportsButWritesNothing()
    {
        await RecordAsync("A", true);

        var report = await Engine.RunLearningCycleAsync("etl", dryRun: true, Ct);

        Assert.True(report.DryRun);
        Assert.Equal(["learning/patterns/etl/A"], report.Written.Select(c => c.Key));
        Assert.Empty((await Engine.ListAsync("learning/patterns/", cancellationToken: Ct)).Entries);
    }

    [Fact]
    public async Task RunLearningCycle_Pattern_HoldsTheOverallAndPerFeaturePosteriors()
    {
        await RecordAsync("A", true, """{"size":"large"}""");
        await RecordAsync("A", false, """{"size":"small"}""");
        await RecordAsync("A", true, """{"size":"large"}""");

        await Engine.RunLearningCycleAsync(cancellationToken: Ct);

        var value = (await Engine.GetAsync("learning/patterns/etl/A", Ct))!.Value!.Value;
        Assert.Equal(3, value.GetProperty("outcomes").GetInt32());
        Assert.Equal(0.6, value.GetProperty("overall").GetProperty("mean").GetDouble(), 4); // Beta(3, 2) without visible decay
        var large = value.GetProperty("contexts").EnumerateArray().Single(c => c.GetProperty("feature").GetString() == "size=large");
        Assert.Equal(2, large.GetProperty("outcomes").GetInt32());
        Assert.Equal(2, large.GetProperty("successes").GetInt32());
    }

    [Fact]
    public async Task RunLearningCycle_StrategyBestUnderAContextOnly_WritesWinsUnder()
    {
        for (var i = 0; i < 30; i++)
        {
            await RecordAsync("A", true, """{"size":"small"}""");
        }

        for (var i = 0; i < 10; i++)
        {
            await RecordAsync("B", false, """{"size":"small"}""");
            await RecordAsync("A", false, """{"size":"large"}""");
        }

        for (var i = 0; i < 20; i++)
        {
            await RecordAsync("B", true, """{"size":"large"}""");
        }

        await Engine.RunLearningCycleAsync(cancellationToken: Ct);

        var insight = (await Engine.GetLearningInsightsAsync("etl", Ct)).Single(i => i.Name.StartsWith("wins-under", StringComparison.Ordinal));
        Assert.Equal("wins-under-size:large", insight.Name);
        Assert.Equal("B", insight.Value!.Value.GetProperty("evidence").GetProperty("strategy").GetString());
        Assert.True(insight.Confidence >= 0.9);
    }

    [Fact]
    public async Task RunLearningCycle_FewOutcomes_WritesThinEvidence()
    {
        await RecordAsync("A", true);
        await RecordAsync("A", true);
        await RecordAsync("B", true);
        await RecordAsync("B", false);

        await Engine.RunLearningCycleAsync(cancellationToken: Ct);

        var insight = Assert.Single(await Engine.GetLearningInsightsAsync("etl", Ct));
        Assert.Equal("thin-evidence", insight.Name);
        Assert.InRange(insight.Confidence!.Value, 0.01, 0.5);
    }

    [Fact]
    public void ProbabilityGreater_UniformAgainstBeta21_IsTwoThirds()
    {
        // X ~ Beta(2,1) has density 2x; P(X > U) = ∫ 2x · x dx = 2/3.
        Assert.Equal(2.0 / 3, BetaComparison.ProbabilityGreater(new BetaDistribution(2, 1), new BetaDistribution(1, 1)), 6);
    }

    private async Task RecordDailyAsync(string strategy, bool success, int days)
    {
        for (var i = 0; i < days; i++)
        {
            await RecordAsync(strategy, success);
            Clock.Advance(TimeSpan.FromDays(1));
        }
    }

    private async Task RecordAsync(string strategy, bool success, string? context = null)
    {
        await Engine.RecordOutcomeAsync(new OutcomeRecord
        {
            TaskType = "etl",
            Strategy = strategy,
            Success = success,
            Context = context is null ? null : Json(context),
        }, Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
