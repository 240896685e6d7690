using Mnemo.Core.Learning;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Learning.Recovery;

[Trait("Issue", "18")]
public sealed class SuggestEngineTests : EngineTestBase
{
    [Fact]
    public async Task Suggest_SimilarOutcomes_RankTheToolOfTheSuccessfulOneFirst()
    {
        await RecordAsync("Import the weekly sales CSV files into the warehouse", "serial", false, ["excel-reader"], ["notes/sales-format"]);
        await RecordAsync("Import the nightly sales CSV files into the warehouse", "parallel", true, ["csv-loader", "dedupe"], ["notes/warehouse-schema"]);
        await RecordAsync("Write the quarterly newsletter for customers", "draft-first", true, ["editor"], []);

        var suggestion = await Engine.SuggestAsync("import the sales CSV files", cancellationToken: Ct);

        Assert.Equal("csv-loader", suggestion.Tools[0].Name);
        Assert.Equal("parallel", suggestion.Strategies[0].Name);
        Assert.Equal("notes/warehouse-schema", suggestion.Memories[0].Name);
        Assert.DoesNotContain(suggestion.Tools, tool => tool.Name == "editor");
        var failed = Assert.Single(suggestion.Tools, tool => tool.Name == "excel-reader");
        Assert.Equal((0.0, 1, 0), (failed.Score, failed.UsedIn, failed.SucceededIn));

        // Independently: each tool's score is Σ (search score × reward) over the similar outcomes that used it.
        Assert.Equal(2, suggestion.Similar.Count);
        foreach (var tool in suggestion.Tools)
        {
            var users = suggestion.Similar.Where(s => s.Outcome.Tools.Contains(tool.Name)).ToList();
            Assert.Equal(Math.Round(users.Sum(s => s.Score * s.Outcome.Reward), 6), tool.Score, 9);
            Assert.Equal(users.Count, tool.UsedIn);
            Assert.Equal(users.Count(s => s.Outcome.Success), tool.SucceededIn);
        }
    }

    [Fact]
    public async Task Suggest_NothingSimilar_AnswersEmptyListsWithANote()
    {
        await RecordAsync("Write the quarterly newsletter for customers", "draft-first", true, ["editor"], []);

        var suggestion = await Engine.SuggestAsync("rotate the TLS certificates of the load balancer", cancellationToken: Ct);

        Assert.Empty(suggestion.Tools);
        Assert.Empty(suggestion.Memories);
        Assert.Empty(suggestion.Strategies);
        Assert.Empty(suggestion.Similar);
        Assert.StartsWith("no similar task was recorded", suggestion.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" ", 5, "the task description is empty")]
    [InlineData("import", 0, "top 0 is out of range")]
    public async Task Suggest_BadInput_IsRefusedNamingTheValue(string task, int top, string expected)
    {
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.SuggestAsync(task, top, Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private Task<TaskOutcome> RecordAsync(string description, string strategy, bool success, string[] tools, string[] memories) =>
        Engine.RecordOutcomeAsync(new OutcomeRecord
        {
            TaskType = "etl",
            Strategy = strategy,
            Success = success,
            Description = description,
            Tools = tools,
            Memories = memories,
        }, Ct);
}
