using System.Text.Json;
using Mnemo.Core.Learning;
using ModelContextProtocol.Protocol;

namespace Mnemo.Mcp.Tests;

/// <summary>The learning cycle's tools and resources through a real MCP client.</summary>
[Trait("Issue", "18")]
public sealed class LearningCycleToolTests : McpTestBase
{
    [Fact]
    public async Task UpdateLearningParameters_ExplorationFactor_IsStoredAsExploration()
    {
        var stored = await CallOkAsync("update_learning_parameters", """{"exploration_factor": 0.25, "half_life_days": 14}""");

        Assert.Equal(1, stored.GetProperty("version").GetInt64());
        Assert.Equal(0.25, stored.GetProperty("parameters").GetProperty("exploration").GetDouble());
        Assert.Equal(0.25, (await Engine.GetLearningParametersAsync(Ct)).Parameters.Exploration);
    }

    [Fact]
    public async Task UpdateLearningParameters_UnknownName_IsRefusedWithTheRealNamesAndChangesNothing()
    {
        var error = await CallErrorAsync("update_learning_parameters", """{"learning_rate": 0.1}""");

        Assert.Contains("learning_rate", error, StringComparison.Ordinal);
        Assert.Contains("half_life_days", error, StringComparison.Ordinal);
        Assert.Equal(0, (await Engine.GetLearningParametersAsync(Ct)).Version);
    }

    [Fact]
    public async Task TriggerLearningCycle_WritesPatternsThenNothing()
    {
        await RecordAsync("fast", true);
        await RecordAsync("slow", false);

        var dry = await CallOkAsync("trigger_learning_cycle", """{"dry_run": true}""");
        var first = await CallOkAsync("trigger_learning_cycle", """{"task_type": "etl"}""");
        var second = await CallOkAsync("trigger_learning_cycle");

        Assert.True(dry.GetProperty("dry_run").GetBoolean());
        Assert.Equal(first.GetProperty("written").GetInt32(), dry.GetProperty("written").GetInt32());
        Assert.True(first.GetProperty("written").GetInt32() >= 2);
        Assert.Equal(0, second.GetProperty("written").GetInt32());
        Assert.NotNull(await Engine.GetAsync("learning/patterns/etl/fast", Ct));
    }

    [Fact]
    public async Task GetLearningMetrics_CountsTheOutcomes()
    {
        await RecordAsync("fast", true);
        await RecordAsync("fast", false);

        var metrics = await CallOkAsync("get_learning_metrics", """{"task_type": "etl"}""");

        var etl = metrics.GetProperty("task_types")[0];
        Assert.Equal(2, etl.GetProperty("outcomes").GetInt32());
        Assert.Equal(2, etl.GetProperty("evaluation").GetProperty("evaluated").GetInt32());
        Assert.Equal(0.5 * (0.25 + 4.0 / 9), etl.GetProperty("evaluation").GetProperty("brier").GetDouble(), 3);
    }

    [Fact]
    public async Task Resources_LearningMetricsAndAdaptationPatterns_ReadTheStore()
    {
        await RecordAsync("fast", true);
        await Engine.RunLearningCycleAsync(cancellationToken: Ct);

        var metrics = Json(await Client.ReadResourceAsync("mnemo://learning-metrics", cancellationToken: Ct));
        var adaptation = Json(await Client.ReadResourceAsync("mnemo://adaptation-patterns", cancellationToken: Ct));

        Assert.Equal(1, metrics.GetProperty("overall").GetProperty("outcomes").GetInt32());
        Assert.Equal("learning/patterns/etl/fast", adaptation.GetProperty("patterns")[0].GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Array, adaptation.GetProperty("insights").ValueKind);
    }

    private Task RecordAsync(string strategy, bool success) =>
        Engine.RecordOutcomeAsync(new OutcomeRecord { TaskType = "etl", Strategy = strategy, Success = success }, Ct);

    private static JsonElement Json(ReadResourceResult result)
    {
        using var document = JsonDocument.Parse(Assert.IsType<TextResourceContents>(Assert.Single(result.Contents)).Text);
        return document.RootElement.Clone();
    }
}
