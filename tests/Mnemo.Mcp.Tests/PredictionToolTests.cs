using Mnemo.Core.Learning.Prediction;

namespace Mnemo.Mcp.Tests;

/// <summary>MCP tool calls are recorded in the action log; log_event, predict_next_action, get_workflow_patterns.</summary>
[Trait("Issue", "18")]
public sealed class PredictionToolTests : McpTestBase
{
    [Fact]
    public async Task ToolCalls_AreRecordedByName_ButNotThePredictionTools()
    {
        await CallOkAsync("memory_store", """{"key": "notes/a", "text": "hello"}""");
        await CallOkAsync("memory_retrieve", """{"key": "notes/a"}""");
        await CallOkAsync("log_event", """{"action": "run-tests"}""");
        await CallOkAsync("predict_next_action", "{}");
        await CallOkAsync("get_workflow_patterns", "{}");

        var actions = await Engine.GetActionsAsync(cancellationToken: Ct);

        Assert.Equal(["memory_store", "memory_retrieve", "run-tests"], actions.Select(a => a.Action));
        Assert.Equal([ActionSource.Mcp, ActionSource.Mcp, ActionSource.Event], actions.Select(a => a.Source));
    }

    [Fact]
    public async Task PredictNextAction_AfterARepeatedWorkflow_PredictsItsNextStep()
    {
        for (var i = 0; i < 3; i++)
        {
            await CallOkAsync("log_event", """{"action": "build"}""");
            await CallOkAsync("log_event", """{"action": "test"}""");
            await CallOkAsync("log_event", """{"action": "deploy"}""");
        }

        var prediction = await CallOkAsync("predict_next_action", """{"after": ["build", "test"], "top": 2}""");
        var patterns = await CallOkAsync("get_workflow_patterns", """{"min_support": 3, "max_length": 3}""");

        Assert.Equal(2, prediction.GetProperty("order").GetInt32());
        var next = prediction.GetProperty("next").EnumerateArray().ToArray();
        Assert.Equal(2, next.Length);
        Assert.Equal("deploy", next[0].GetProperty("action").GetString());
        Assert.Equal(9, prediction.GetProperty("model").GetProperty("actions").GetInt64());
        var top = patterns.GetProperty("patterns").EnumerateArray().First();
        Assert.Equal(3, top.GetProperty("support").GetInt32());
        Assert.Equal(3, top.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task LogEvent_BadName_IsAToolErrorNamingTheRule()
    {
        var message = await CallErrorAsync("log_event", """{"action": "a\tb"}""");

        Assert.Contains("cannot be used: use 1 to 64 letters", message, StringComparison.Ordinal);
    }
}
