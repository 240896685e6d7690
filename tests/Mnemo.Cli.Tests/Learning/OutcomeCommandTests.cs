using System.Text.Json;

namespace Mnemo.Cli.Tests.Learning;

[Trait("Issue", "18")]
public sealed class OutcomeCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Record_Text_SaysTheKeyAndWhatWasRecorded()
    {
        var result = await _cli.RunAsync("outcome", "record", "--task-type", "etl", "--strategy", "parallel", "--success", "true",
            "--duration", "12.5", "--context", """{"data_size":"large"}""");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("recorded outcome learning/outcomes/etl/", result.Output, StringComparison.Ordinal);
        Assert.Contains(": etl with parallel succeeded (reward 1, 12.5 s; context data_size=large)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_Json_PrintsTheOutcomeAsStored()
    {
        var outcome = (await _cli.RunAsync("outcome", "record", "--task-type", "etl", "--strategy", "serial", "--success", "False",
            "--reward", "0.25", "--agents", "planner,worker-1", "--context", """{"data_size":"small","agents":3}""",
            "--description", "nightly import", "--tools", "search,store", "--memories", "project/db", "--json")).Json();

        Assert.Equal("etl", outcome.GetProperty("task_type").GetString());
        Assert.Equal("serial", outcome.GetProperty("strategy").GetString());
        Assert.False(outcome.GetProperty("success").GetBoolean());
        Assert.Equal(0.25, outcome.GetProperty("reward").GetDouble());
        Assert.Equal(JsonValueKind.Null, outcome.GetProperty("duration_seconds").ValueKind);
        Assert.Equal(["planner", "worker-1"], Strings(outcome, "agents"));
        Assert.Equal(["agents=3", "data_size=small"], Strings(outcome, "context"));
        Assert.Equal("nightly import", outcome.GetProperty("description").GetString());
        Assert.Equal(["search", "store"], Strings(outcome, "tools"));
        Assert.Equal(["project/db"], Strings(outcome, "memories"));
    }

    [Fact]
    public async Task List_SeveralOutcomes_ShowsATableNewestFirst_FilteredAndLimited()
    {
        await RecordAsync("etl", "a", "true");
        await RecordAsync("etl", "b", "false", "--duration", "3");
        await RecordAsync("report", "a", "true");

        var table = await _cli.RunAsync("outcome", "list");
        var etl = (await _cli.RunAsync("outcome", "list", "--task-type", "etl", "--json")).Json();
        var onlyA = (await _cli.RunAsync("outcome", "list", "--strategy", "a", "--json")).Json();
        var newest = (await _cli.RunAsync("outcome", "list", "--limit", "1", "--json")).Json();

        Assert.Equal(0, table.ExitCode);
        var lines = table.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["AT", "TASK", "TYPE", "STRATEGY", "RESULT", "REWARD", "DURATION", "CONTEXT"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("report", lines[2], StringComparison.Ordinal);
        Assert.Contains("failure", lines[3], StringComparison.Ordinal);
        Assert.Contains("3 s", lines[3], StringComparison.Ordinal);
        Assert.Equal("3 outcomes", lines[^1]);
        Assert.Equal(["b", "a"], etl.EnumerateArray().Select(o => o.GetProperty("strategy").GetString()));
        Assert.Equal(["report", "etl"], onlyA.EnumerateArray().Select(o => o.GetProperty("task_type").GetString()));
        Assert.Equal("report", Assert.Single(newest.EnumerateArray()).GetProperty("task_type").GetString());
    }

    [Theory]
    [InlineData("1.5", null, null, "etl", "true", "reward 1.5 is outside 0..1")]
    [InlineData(null, "[1,2]", null, "etl", "true", "the context must be a JSON object")]
    [InlineData(null, "\"large\"", null, "etl", "true", "not the string \"large\"")]
    [InlineData(null, "{broken", null, "etl", "true", "--context is not valid JSON")]
    [InlineData(null, null, "-4", "etl", "true", "duration -4 s cannot be used")]
    [InlineData(null, null, null, "bad type", "true", "task type 'bad type' cannot be used")]
    [InlineData(null, null, null, "etl", "maybe", "--success 'maybe' is not true or false")]
    public async Task Record_BadInput_ExitsOneNamingTheValue_AndWritesNothing(
        string? reward, string? context, string? duration, string taskType, string success, string expected)
    {
        List<string> args = ["outcome", "record", "--task-type", taskType, "--strategy", "fast", "--success", success];
        if (reward is not null)
        {
            args.AddRange(["--reward", reward]);
        }

        if (context is not null)
        {
            args.AddRange(["--context", context]);
        }

        if (duration is not null)
        {
            args.AddRange(["--duration", duration]);
        }

        var result = await _cli.RunAsync([.. args]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
        Assert.Equal(0, (await _cli.RunAsync("outcome", "list", "--json")).Json().GetArrayLength());
    }

    [Fact]
    public async Task Record_WithoutSuccess_ExitsOne()
    {
        var result = await _cli.RunAsync("outcome", "record", "--task-type", "etl", "--strategy", "fast");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--success", result.Error, StringComparison.Ordinal);
    }

    private async Task RecordAsync(string taskType, string strategy, string success, params string[] more)
    {
        var result = await _cli.RunAsync(["outcome", "record", "--task-type", taskType, "--strategy", strategy, "--success", success, .. more]);
        Assert.Equal(0, result.ExitCode);
    }

    private static string[] Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(item => item.GetString()!)];
}
