using System.Text.Json;
using Mnemo.Core.Learning;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Learning;

[Trait("Issue", "18")]
public sealed class OutcomeEngineTests : EngineTestBase
{
    [Fact]
    public async Task RecordOutcome_IsStoredAsASearchableEntryAndReadBack()
    {
        var stored = await Engine.RecordOutcomeAsync(new OutcomeRecord
        {
            TaskType = "data_processing",
            Strategy = "parallel_processing",
            Success = true,
            DurationSeconds = 120.5,
            Agents = ["worker-1"],
            Context = Json("""{"data_size":"large","complexity":"medium","agents":3}"""),
            Description = "Nightly import of the sales files",
        }, Ct);

        var outcomes = await Engine.GetOutcomesAsync("data_processing", Ct);
        var entry = await Engine.GetAsync(stored.Key, Ct);

        var outcome = Assert.Single(outcomes);
        Assert.StartsWith("learning/outcomes/data_processing/", outcome.Key, StringComparison.Ordinal);
        Assert.Equal(["agents=3", "complexity=medium", "data_size=large"], outcome.Context);
        Assert.Equal(1, outcome.Reward);
        Assert.Equal(120.5, outcome.DurationSeconds);
        Assert.Equal("outcome", entry!.Kind);
        Assert.Contains("Nightly import", entry.Text, StringComparison.Ordinal);
        Assert.Contains("succeeded", entry.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"TaskType":"bad type"}""", "task type 'bad type'")]
    [InlineData("""{"Reward":1.5}""", "reward 1.5 is outside 0..1")]
    [InlineData("""{"Duration":-2}""", "duration -2 s")]
    [InlineData("""{"Context":"[1,2]"}""", "must be a JSON object")]
    public async Task RecordOutcome_BadInput_IsRefusedNamingTheValueAndWritesNothing(string change, string expected)
    {
        using var document = JsonDocument.Parse(change);
        var root = document.RootElement;
        var record = new OutcomeRecord
        {
            TaskType = root.TryGetProperty("TaskType", out var task) ? task.GetString()! : "etl",
            Strategy = "fast",
            Success = true,
            Reward = root.TryGetProperty("Reward", out var reward) ? reward.GetDouble() : null,
            DurationSeconds = root.TryGetProperty("Duration", out var duration) ? duration.GetDouble() : null,
            Context = root.TryGetProperty("Context", out var context) ? Json(context.GetString()!) : null,
        };

        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.RecordOutcomeAsync(record, Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty((await Engine.ListAsync(LearningKeys.Root, cancellationToken: Ct)).Entries);
    }

    [Fact]
    public async Task SetLearningParameters_KeepsOthersAndVersionsEveryChange()
    {
        var first = await Engine.SetLearningParametersAsync(Json("""{"exploration":0.25}"""), Ct);
        var second = await Engine.SetLearningParametersAsync(Json("""{"half_life_days":14}"""), Ct);

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.Equal(0.25, second.Parameters.Exploration);
        Assert.Equal(14, second.Parameters.HalfLifeDays);
        Assert.Equal(2, (await Engine.GetHistoryAsync(LearningKeys.Parameters, Ct)).Count);
    }

    [Theory]
    [InlineData("""{"exploration":2}""", "exploration 2 is out of range")]
    [InlineData("""{"credible_level":1}""", "credible_level 1 is out of range")]
    [InlineData("""{"learning_rate":0.15}""", "there is no learning parameter learning_rate")]
    [InlineData("""{"half_life_days":"long"}""", "half_life_days must be a number")]
    public async Task SetLearningParameters_BadValue_IsRefusedAndChangesNothing(string changes, string expected)
    {
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.SetLearningParametersAsync(Json(changes), Ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await Engine.GetLearningParametersAsync(Ct)).Version);
    }

    [Fact]
    public async Task RecommendStrategy_FromRecordedOutcomes_MatchesAnIndependentBetaComputation()
    {
        await Engine.SetLearningParametersAsync(Json("""{"exploration":0,"half_life_days":0}"""), Ct);
        foreach (var (strategy, success) in new[] { ("a", true), ("a", true), ("a", false), ("b", true), ("b", false), ("b", false) })
        {
            await Engine.RecordOutcomeAsync(new OutcomeRecord { TaskType = "etl", Strategy = strategy, Success = success }, Ct);
        }

        var result = await Engine.RecommendStrategyAsync(new RecommendationRequest { TaskType = "etl", Seed = 1 }, Ct);

        Assert.Equal("a", result.Strategy);
        Assert.Equal(3.0 / 5, result.ExpectedSuccessRate, 12); // Beta(1 + 2, 1 + 1)
        Assert.Equal(3, result.Estimate.Outcomes);
    }

    [Fact]
    public async Task RecommendStrategy_UnknownTaskType_IsAnAnswerNotAnError()
    {
        var result = await Engine.RecommendStrategyAsync(new RecommendationRequest { TaskType = "brand-new" }, Ct);

        Assert.True(result.NoEvidence);
        Assert.Null(result.Strategy);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
