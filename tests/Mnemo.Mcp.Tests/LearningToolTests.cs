using System.Text.Json;

namespace Mnemo.Mcp.Tests;

[Trait("Issue", "18")]
public sealed class LearningToolTests : McpTestBase
{
    [Fact]
    public async Task RecordOutcome_SeedsArguments_AreStoredInTheCliShape()
    {
        var outcome = await CallOkAsync("record_outcome", """
            {"task_type": "data_processing", "strategy": "parallel_processing", "success": true, "execution_time": 120.5,
             "agents": ["worker-agent-1"], "context": "{\"data_size\": \"large\", \"complexity\": \"medium\"}",
             "description": "nightly import", "tools": ["search"], "memories": ["project/db"]}
            """);

        Assert.StartsWith("learning/outcomes/data_processing/", outcome.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.True(outcome.GetProperty("success").GetBoolean());
        Assert.Equal(1, outcome.GetProperty("reward").GetDouble());
        Assert.Equal(120.5, outcome.GetProperty("duration_seconds").GetDouble());
        Assert.Equal(["worker-agent-1"], Strings(outcome, "agents"));
        Assert.Equal(["complexity=medium", "data_size=large"], Strings(outcome, "context"));
        Assert.Equal("nightly import", outcome.GetProperty("description").GetString());
        var stored = Assert.Single(await Engine.GetOutcomesAsync("data_processing", Ct));
        Assert.Equal(outcome.GetProperty("key").GetString(), stored.Key);
    }

    [Fact]
    public async Task SelectOptimalStrategy_AllSuccesses_ReportsTheClosedFormPosterior()
    {
        using (var changes = JsonDocument.Parse("""{"half_life_days": 0}"""))
        {
            await Engine.SetLearningParametersAsync(changes.RootElement, Ct);
        }

        for (var i = 0; i < 4; i++)
        {
            await CallOkAsync("record_outcome", """{"task_type": "etl", "strategy": "fast", "success": true, "context": {"size": "large"}}""");
        }

        await CallOkAsync("record_outcome", """{"task_type": "etl", "strategy": "slow", "success": false, "duration_seconds": 30}""");

        var answer = await CallOkAsync("select_optimal_strategy", """{"task_type": "etl", "exploration": 0, "seed": 1}""");

        // Four successes on the uniform prior: Beta(5, 1), whose CDF is x^5, so its p-quantile is p^(1/5) and its mean 5/6.
        Assert.Equal("fast", answer.GetProperty("strategy").GetString());
        Assert.Equal(5.0 / 6, answer.GetProperty("expected_success_rate").GetDouble(), 9);
        Assert.Equal(Math.Pow(0.05, 1.0 / 5), answer.GetProperty("interval").GetProperty("low").GetDouble(), 7);
        Assert.Equal(Math.Pow(0.95, 1.0 / 5), answer.GetProperty("interval").GetProperty("high").GetDouble(), 7);
        Assert.Equal(4, answer.GetProperty("outcomes").GetInt32());
        Assert.True(answer.GetProperty("thin").GetBoolean());
        Assert.False(answer.GetProperty("no_evidence").GetBoolean());
        // One failure: Beta(1, 2), CDF 1 - (1 - x)^2, so its p-quantile is 1 - sqrt(1 - p).
        var slow = answer.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("strategy").GetString() == "slow").GetProperty("overall");
        Assert.Equal(1.0 / 3, slow.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(1 - Math.Sqrt(0.95), slow.GetProperty("low").GetDouble(), 7);
        Assert.Equal(1 - Math.Sqrt(0.05), slow.GetProperty("high").GetDouble(), 7);
    }

    [Fact]
    public async Task SelectOptimalStrategy_InAContext_GivesEveryCandidatesPosteriors()
    {
        await CallOkAsync("record_outcome", """{"task_type": "etl", "strategy": "fast", "success": true, "context": {"size": "large"}}""");

        var answer = await CallOkAsync("select_optimal_strategy",
            """{"task_type": "etl", "context": "{\"size\": \"large\"}", "candidates": ["fast", "untried"], "exploration_factor": 1, "seed": 5}""");

        Assert.Equal(["size=large"], Strings(answer, "context"));
        var candidates = answer.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["fast", "untried"], candidates.Select(c => c.GetProperty("strategy").GetString()).Order());
        Assert.All(candidates, c => Assert.Equal(JsonValueKind.Object, c.GetProperty("in_context").ValueKind));
        Assert.Equal(1, answer.GetProperty("parameters").GetProperty("exploration").GetDouble());
    }

    [Fact]
    public async Task SelectOptimalStrategy_UnknownTaskType_AnswersNoEvidenceWithThePrior()
    {
        var answer = await CallOkAsync("select_optimal_strategy", """{"task_type": "never_seen"}""");

        Assert.True(answer.GetProperty("no_evidence").GetBoolean());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("strategy").ValueKind);
        Assert.Equal(0.5, answer.GetProperty("expected_success_rate").GetDouble());
        Assert.Contains("no outcome of task type never_seen is recorded yet", answer.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("record_outcome", """{"task_type": "etl", "strategy": "fast", "success": true, "reward": 1.5}""", "reward 1.5 is outside 0..1")]
    [InlineData("record_outcome", """{"task_type": "etl", "strategy": "fast", "success": true, "context": [1, 2]}""", "the context must be a JSON object")]
    [InlineData("record_outcome", """{"task_type": "etl", "strategy": "fast", "success": true, "context": "{oops"}""", "argument 'context' is a string that is not JSON")]
    [InlineData("record_outcome", """{"task_type": "etl", "strategy": "fast"}""", "argument 'success' is missing")]
    [InlineData("record_outcome", """{"task_type": "etl", "strategy": "fast", "success": "maybe"}""", "argument 'success' is \"maybe\"")]
    [InlineData("record_outcome", """{"task_type": "e t l", "strategy": "fast", "success": true}""", "task type 'e t l' cannot be used")]
    [InlineData("record_outcome", """{"task_type": "etl", "strategy": "fast", "success": true, "duration_seconds": 3, "execution_time": 4}""", "'duration_seconds' and 'execution_time'")]
    [InlineData("select_optimal_strategy", """{"task_type": "etl", "exploration": 2}""", "exploration 2 is out of range")]
    [InlineData("select_optimal_strategy", """{"task_type": "etl", "context": 5}""", "not the number 5")]
    public async Task BadCalls_AreToolErrorsThatNameTheValue_AndRecordNothing(string tool, string arguments, string expected)
    {
        var message = await CallErrorAsync(tool, arguments);

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Empty(await Engine.GetOutcomesAsync(cancellationToken: Ct));
    }
}
