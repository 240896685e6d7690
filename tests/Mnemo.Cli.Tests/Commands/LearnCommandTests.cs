namespace Mnemo.Cli.Tests.Commands;

[Trait("Issue", "18")]
public sealed class LearnCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task LearnParamsSet_GoodValues_StoresANewVersionShownByParamsAndHistory()
    {
        var set = await _cli.RunAsync("learn", "params", "set", "exploration=0.5", "half_life_days=14", "--json");
        var current = await _cli.RunAsync("learn", "params");
        var history = (await _cli.RunAsync("learn", "params", "history", "--json")).Json();

        Assert.Equal(0, set.ExitCode);
        Assert.Equal(1, set.Json().GetProperty("version").GetInt64());
        Assert.Equal(0.5, set.Json().GetProperty("parameters").GetProperty("exploration").GetDouble());
        Assert.Contains("version 1", current.Output, StringComparison.Ordinal);
        Assert.Contains("half_life_days", current.Output, StringComparison.Ordinal);
        Assert.Equal(14, history[0].GetProperty("parameters").GetProperty("half_life_days").GetDouble());
    }

    [Theory]
    [InlineData("learning_rate=0.1", "there is no learning parameter learning_rate")]
    [InlineData("exploration=2", "exploration 2 is out of range")]
    [InlineData("exploration=lots", "is not a number")]
    public async Task LearnParamsSet_BadNameOrValue_ExitsOneAndWritesNothing(string pair, string expected)
    {
        var result = await _cli.RunAsync("learn", "params", "set", pair);
        var history = (await _cli.RunAsync("learn", "params", "history", "--json")).Json();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal(0, history.GetArrayLength());
    }

    [Fact]
    public async Task LearnCycle_WritesPatternsThenNothing_AndDryRunWritesNothing()
    {
        await StoreOutcomeAsync("1", "fast", true);
        await StoreOutcomeAsync("2", "slow", false);

        var dry = (await _cli.RunAsync("learn", "cycle", "--dry-run", "--json")).Json();
        var first = await _cli.RunAsync("learn", "cycle", "--task-type", "etl");
        var second = (await _cli.RunAsync("learn", "cycle", "--json")).Json();

        Assert.Equal(3, dry.GetProperty("written").GetInt32()); // two patterns and the thin-evidence insight
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("3 written", first.Output, StringComparison.Ordinal);
        Assert.Contains("learning/patterns/etl/fast", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.GetProperty("written").GetInt32());
        Assert.Equal(3, second.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task LearnMetrics_Json_CountsOutcomesAndScoresPredictions()
    {
        await StoreOutcomeAsync("1", "fast", true);
        await StoreOutcomeAsync("2", "fast", false);

        var metrics = (await _cli.RunAsync("learn", "metrics", "--json")).Json();
        var table = await _cli.RunAsync("learn", "metrics");

        var etl = metrics.GetProperty("task_types")[0];
        Assert.Equal("etl", etl.GetProperty("task_type").GetString());
        Assert.Equal(2, etl.GetProperty("outcomes").GetInt32());
        Assert.Equal(5, etl.GetProperty("evaluation").GetProperty("calibration").GetArrayLength());
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("BRIER", table.Output, StringComparison.Ordinal);
    }

    // Outcomes as the engine stores them (the outcome command is another part of issue 18): an entry whose value reads as one.
    private async Task StoreOutcomeAsync(string id, string strategy, bool success)
    {
        var value = "{\"task_type\":\"etl\",\"strategy\":\"" + strategy + "\",\"success\":" + (success ? "true" : "false") + ",\"context\":{}}";
        var result = await _cli.RunAsync("store", $"learning/outcomes/etl/2026-{id}", "outcome", "--value", value, "--kind", "outcome");
        Assert.Equal(0, result.ExitCode);
    }
}
