namespace Mnemo.Mcp.Tests;

[Trait("Issue", "18")]
public sealed class RecoveryToolTests : McpTestBase
{
    [Fact]
    public async Task RecordThenRecover_SameErrorWithOtherNumbers_ReturnsTheFixWithItsCounts()
    {
        var recorded = await CallOkAsync("record_error",
            """{"message": "timeout after 30 s reading /data/a.csv", "fix": "raise the timeout", "tool": "loader", "context": {"service": "etl"}}""");
        await CallOkAsync("record_error", """{"message": "timeout after 45 s reading /data/b.csv", "fix": "Raise the timeout.", "worked": false}""");

        var advice = await CallOkAsync("recover_from_error", """{"error": "Timeout after 99 s reading /tmp/c.csv", "top": 3}""");

        Assert.Equal("timeout after <num> s reading <path>", recorded.GetProperty("signature").GetString());
        Assert.True(recorded.GetProperty("worked").GetBoolean());
        Assert.Equal(["service=etl"], Strings(recorded, "context"));
        Assert.Equal("signature", advice.GetProperty("match").GetString());
        Assert.Equal(recorded.GetProperty("cluster").GetString(), advice.GetProperty("cluster").GetString());
        Assert.Equal(2, advice.GetProperty("occurrences").GetInt32());
        var fix = Assert.Single(advice.GetProperty("fixes").EnumerateArray());
        Assert.Equal("Raise the timeout.", fix.GetProperty("fix").GetString());
        Assert.Equal(2, fix.GetProperty("tried").GetInt32());
        Assert.Equal(1, fix.GetProperty("worked").GetInt32());
        Assert.Equal(0.5, fix.GetProperty("success_rate").GetDouble(), 12);
        Assert.Equal(0.9, fix.GetProperty("interval").GetProperty("level").GetDouble());
    }

    [Fact]
    public async Task Recover_NothingSimilar_IsAnAnswerNotAnError()
    {
        await CallOkAsync("record_error", """{"message": "Rate limit exceeded: 429 Too Many Requests", "fix": "back off"}""");

        var advice = await CallOkAsync("recover_from_error", """{"error": "segmentation fault (core dumped)"}""");

        Assert.Equal("none", advice.GetProperty("match").GetString());
        Assert.Empty(advice.GetProperty("fixes").EnumerateArray());
        Assert.StartsWith("no similar error was recorded", advice.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestForTask_RanksTheToolOfTheSuccessfulSimilarTaskFirst()
    {
        await Engine.RecordOutcomeAsync(new Core.Learning.OutcomeRecord
        {
            TaskType = "etl",
            Strategy = "parallel",
            Success = true,
            Description = "Import the nightly sales CSV files",
            Tools = ["csv-loader"],
        }, Ct);
        await Engine.RecordOutcomeAsync(new Core.Learning.OutcomeRecord
        {
            TaskType = "etl",
            Strategy = "serial",
            Success = false,
            Description = "Import the weekly sales CSV files",
            Tools = ["excel-reader"],
        }, Ct);

        var suggestion = await CallOkAsync("suggest_for_task", """{"task": "import the sales CSV files"}""");

        var tools = suggestion.GetProperty("tools").EnumerateArray().ToList();
        Assert.Equal("csv-loader", tools[0].GetProperty("name").GetString());
        Assert.Equal(1, tools[0].GetProperty("succeeded_in").GetInt32());
        Assert.Equal(2, suggestion.GetProperty("similar").GetArrayLength());
        Assert.Equal("parallel", suggestion.GetProperty("strategies")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("record_error", """{"message": ""}""", "argument 'message' is missing or empty")]
    [InlineData("record_error", """{"message": "x", "context": [1]}""", "the context must be a JSON object")]
    [InlineData("record_error", """{"message": "x", "worked": false}""", "whether the fix worked was given without a fix")]
    [InlineData("recover_from_error", """{"error": "x", "top": 0}""", "argument 'top' is 0")]
    [InlineData("suggest_for_task", """{}""", "argument 'task' is missing")]
    public async Task BadCalls_AreToolErrorsThatSayWhy(string tool, string arguments, string expected)
    {
        var message = await CallErrorAsync(tool, arguments);

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }
}
