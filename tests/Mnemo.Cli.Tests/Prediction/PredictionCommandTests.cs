using System.Text.Json;
using Mnemo.TestSupport;

namespace Mnemo.Cli.Tests.Prediction;

/// <summary>CLI commands are recorded in the action log and then predicted; <c>event log</c>, <c>predict</c>, <c>patterns</c>.</summary>
[Trait("Issue", "18")]
public sealed class PredictionCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Commands_AreRecordedBySession_AndPredicted()
    {
        foreach (var session in new[] { "s1", "s2", "s3" })
        {
            await RunOkAsync("store", $"notes/{session}", "hello", "--session", session, "--agent", "bob");
            await RunOkAsync("get", $"notes/{session}", "--session", session, "--agent", "bob");
            await RunOkAsync("lock", "acquire", $"locks/{session}", "--session", session, "--agent", "bob");
            await RunOkAsync("event", "log", "run-tests", "--session", session, "--agent", "bob");
        }

        await RunOkAsync("store", "notes/b", "again", "--session", "s4", "--agent", "bob");
        await RunOkAsync("get", "notes/b", "--session", "s4", "--agent", "bob");

        var prediction = (await RunOkAsync("predict", "--session", "s4", "--agent", "bob", "--json")).Json();

        Assert.Equal(["store", "get"], Strings(prediction.GetProperty("context")));
        Assert.Equal(2, prediction.GetProperty("order").GetInt32());
        var next = prediction.GetProperty("next").EnumerateArray().ToArray();
        Assert.Equal("lock acquire", next[0].GetProperty("action").GetString());
        Assert.True(next[0].GetProperty("probability").GetDouble() > 0.5);
        Assert.True(next.Sum(n => n.GetProperty("probability").GetDouble()) <= 1 + 1e-9);
        var model = prediction.GetProperty("model");
        Assert.Equal(4, model.GetProperty("sequences").GetInt32());
        Assert.Equal(14, model.GetProperty("actions").GetInt64());
        Assert.Equal(4, model.GetProperty("distinct_actions").GetInt32());
        Assert.Equal("interpolated-witten-bell", model.GetProperty("smoothing").GetString());
    }

    [Fact]
    public async Task Patterns_ListsTheRecordedWorkflow()
    {
        foreach (var session in new[] { "s1", "s2" })
        {
            await RunOkAsync("store", "notes/a", "hello", "--session", session);
            await RunOkAsync("get", "notes/a", "--session", session);
        }

        var report = (await RunOkAsync("patterns", "--min-support", "2", "--json")).Json();
        var text = await RunOkAsync("patterns");

        var pattern = Assert.Single(report.GetProperty("patterns").EnumerateArray());
        Assert.Equal(["store", "get"], Strings(pattern.GetProperty("steps")));
        Assert.Equal(2, pattern.GetProperty("support").GetInt32());
        Assert.Equal(["s1", "s2"], Strings(pattern.GetProperty("sessions")));
        Assert.Equal(1.0, pattern.GetProperty("confidence").GetDouble());
        Assert.Contains("store -> get", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PredictAfter_UsesTheGivenActions_AndPrintsThemInText()
    {
        await RunOkAsync("event", "log", "build");
        await RunOkAsync("event", "log", "test");

        var result = await RunOkAsync("predict", "--after", "build", "--top", "1");

        Assert.Contains("after: build (order 1 used)", result.Output, StringComparison.Ordinal);
        Assert.Contains("test", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventLog_Json_ReturnsTheRecordedAction()
    {
        var logged = (await RunOkAsync("event", "log", "git:commit", "--agent", "eve", "--session", "s9", "--json")).Json();

        Assert.True(logged.GetProperty("recorded").GetBoolean());
        var action = logged.GetProperty("action");
        Assert.Equal(("git:commit", "eve", "s9", "event"), (action.GetProperty("action").GetString(), action.GetProperty("agent").GetString(),
            action.GetProperty("session").GetString(), action.GetProperty("source").GetString()));
    }

    [Theory]
    [InlineData(new[] { "event", "log", "rm -rf *" }, "action 'rm -rf *' cannot be used")]
    [InlineData(new[] { "predict", "--top", "0" }, "top 0 is outside 1..100")]
    [InlineData(new[] { "predict", "--after", "a,,b" }, "action '' cannot be used")]
    [InlineData(new[] { "patterns", "--max-length", "11" }, "maximum length 11 is outside 2..10")]
    public async Task BadInput_IsACallerError_WithAClearMessage(string[] args, string message)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PredictAndEventCommands_AreNotThemselvesRecorded()
    {
        await RunOkAsync("event", "log", "build");
        await RunOkAsync("predict");
        await RunOkAsync("patterns");

        var prediction = (await RunOkAsync("predict", "--json")).Json();

        Assert.Equal(1, prediction.GetProperty("model").GetProperty("actions").GetInt64());
    }

    [Fact]
    public async Task RecordingOff_LeavesTheLogEmpty()
    {
        var variables = new Dictionary<string, string?> { ["MNEMO_RECORD_ACTIONS"] = "off" };
        await RunWithAsync(variables, "store", "notes/a", "hello");
        var logged = await RunWithAsync(variables, "event", "log", "build", "--json");

        var prediction = (await RunOkAsync("predict", "--json")).Json();

        Assert.False(JsonDocument.Parse(logged.Output).RootElement.GetProperty("recorded").GetBoolean());
        Assert.Equal(0, prediction.GetProperty("model").GetProperty("actions").GetInt64());
    }

    private async Task<CliResult> RunOkAsync(params string[] args)
    {
        var result = await _cli.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private async Task<CliResult> RunWithAsync(Dictionary<string, string?> variables, params string[] args)
    {
        MnemoVariables.ClearProcess();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await MnemoCli.RunAsync([.. args, "--db", _cli.Database], output, error, name => variables.GetValueOrDefault(name),
            TimeProvider.System, TestContext.Current.CancellationToken);
        var result = new CliResult(code, output.ToString(), error.ToString());
        Assert.True(code == 0, result.ToString());
        return result;
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
