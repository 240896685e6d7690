using System.Text.Json;

namespace Mnemo.Cli.Tests.Learning;

[Trait("Issue", "18")]
public sealed class RecommendCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Recommend_AfterOutcomes_NamesTheBestMeanWithItsInterval_InTextAndJson()
    {
        await RecordManyAsync("fast", successes: 6, failures: 1);
        await RecordManyAsync("slow", successes: 1, failures: 3);

        var text = await _cli.RunAsync("recommend", "--task-type", "etl", "--explore", "0");
        var json = (await _cli.RunAsync("recommend", "--task-type", "etl", "--explore", "0", "--json")).Json();

        Assert.Equal(0, text.ExitCode);
        var lines = text.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        // Beta(7, 2): mean 7/9.
        Assert.StartsWith("recommend fast: expected success 0.78 (90% interval ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(") from 7 outcomes (7 effective)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("why: fast has the highest score of 2 candidates", lines[1], StringComparison.Ordinal);
        Assert.Equal("fast", json.GetProperty("strategy").GetString());
        Assert.Equal(7.0 / 9, json.GetProperty("expected_success_rate").GetDouble(), 5);
        Assert.Equal(7, json.GetProperty("outcomes").GetInt32());
        Assert.False(json.GetProperty("no_evidence").GetBoolean());
        Assert.False(json.GetProperty("thin").GetBoolean());
        Assert.False(json.GetProperty("explored").GetBoolean());
        Assert.Equal(["fast", "slow"], json.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("strategy").GetString()));
    }

    [Fact]
    public async Task Recommend_ThinEvidence_IsFlagged()
    {
        await RecordManyAsync("fast", successes: 2, failures: 0);

        var text = await _cli.RunAsync("recommend", "--task-type", "etl", "--explore", "0");

        Assert.Contains("[thin evidence: fewer than 5 effective outcomes]", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_Explain_ListsEveryCandidate_AndMarksTheWinner()
    {
        await RecordManyAsync("fast", successes: 4, failures: 1, "--context", """{"data_size":"large"}""");
        await RecordManyAsync("slow", successes: 1, failures: 2, "--context", """{"data_size":"small"}""");

        var result = await _cli.RunAsync("recommend", "--task-type", "etl", "--context", """{"data_size":"large"}""",
            "--candidates", "fast,slow,untried", "--seed", "7", "--explain");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split(Environment.NewLine);
        var header = Array.FindIndex(lines, line => line.Contains("STRATEGY", StringComparison.Ordinal));
        Assert.True(header > 0, result.Output);
        Assert.Contains("CONTEXT MEAN", lines[header], StringComparison.Ordinal);
        Assert.Contains("POOLED", lines[header], StringComparison.Ordinal);
        Assert.Contains("DRAW", lines[header], StringComparison.Ordinal);
        var rows = lines[(header + 2)..(header + 5)];
        Assert.Equal(["fast", "slow", "untried"], rows.Select(row => row.TrimStart('*').Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).Order());
        var winner = Assert.Single(rows, row => row.StartsWith('*'));
        Assert.StartsWith($"recommend {winner.TrimStart('*').Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]}:", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith("parameters: prior Beta(1, 1), half-life 7 days, exploration 0.5, min evidence 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recommend_UnknownTaskType_IsAnAnswerWithThePrior_NotAnError()
    {
        var text = await _cli.RunAsync("recommend", "--task-type", "never_seen");
        var json = await _cli.RunAsync("recommend", "--task-type", "never_seen", "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith("no evidence yet for task type never_seen: the prior Beta(1, 1) expects success 0.50 (90% interval 0.05-0.95)",
            text.Output, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        var answer = json.Json();
        Assert.True(answer.GetProperty("no_evidence").GetBoolean());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("strategy").ValueKind);
        Assert.Equal(0.5, answer.GetProperty("expected_success_rate").GetDouble());
        Assert.Equal(0.05, answer.GetProperty("interval").GetProperty("low").GetDouble(), 9);
        Assert.Equal(0.95, answer.GetProperty("interval").GetProperty("high").GetDouble(), 9);
    }

    [Theory]
    [InlineData("--explore", "1.5", "exploration 1.5 is out of range")]
    [InlineData("--context", "[1]", "the context must be a JSON object")]
    [InlineData("--candidates", "a b", "candidate strategy 'a b' cannot be used")]
    public async Task Recommend_BadInput_ExitsOneNamingTheValue(string option, string value, string expected)
    {
        var result = await _cli.RunAsync("recommend", "--task-type", "etl", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    private async Task RecordManyAsync(string strategy, int successes, int failures, params string[] more)
    {
        for (var i = 0; i < successes + failures; i++)
        {
            var result = await _cli.RunAsync(
                ["outcome", "record", "--task-type", "etl", "--strategy", strategy, "--success", i < successes ? "true" : "false", .. more]);
            Assert.Equal(0, result.ExitCode);
        }
    }
}
