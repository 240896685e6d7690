namespace Mnemo.Cli.Tests.Commands;

[Trait("Issue", "16")]
public sealed class ContextCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Context_PrintsTheContextToOutputAndTheReportToError()
    {
        await SeedAsync();

        var result = await _cli.RunAsync("context", "which database for analytics?", "--session", "chat-1", "--budget", "200");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("## Pinned\n[pinned/persona] You answer in one sentence.\n\n## State chat-1 (version 1)\n{\"phase\":\"answering\"}",
            result.Output, StringComparison.Ordinal);
        // Of the two near-duplicates, the better ranked is in the context and the other is reported as its repeat.
        var (kept, repeat) = result.Output.Contains("[notes/db] ", StringComparison.Ordinal) ? ("notes/db", "notes/db-copy") : ("notes/db-copy", "notes/db");
        Assert.Contains($"[{kept}] We chose Postgres 15 for the analytics database", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain($"[{repeat}]", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("## Recent turns\nuser: Which database did we choose for analytics?\n", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("context: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(" of 200 tokens (cl100k_base): pinned ", result.Error, StringComparison.Ordinal);
        Assert.Matches($@"left out {repeat} \(memories, \d+ tokens, score [0-9.]+\): near-duplicate of {kept}\n", result.Error);
    }

    [Fact]
    public async Task ContextJson_ReportsEverySectionWithinTheBudget()
    {
        await SeedAsync();

        var json = (await _cli.RunAsync("context", "which database for analytics?", "--session", "chat-1", "--budget", "200",
            "--tokenizer", "o200k_base", "--json")).Json();

        Assert.InRange(json.GetProperty("tokens").GetInt32(), 1, 200);
        Assert.Equal("o200k_base", json.GetProperty("tokenizer").GetString());
        Assert.Equal(["pinned", "state", "memories", "recent"],
            json.GetProperty("sections").EnumerateArray().Select(section => section.GetProperty("section").GetString()!));
        var duplicate = json.GetProperty("left_out").EnumerateArray().Single(item => item.GetProperty("reason").GetString() == "near_duplicate");
        var memory = json.GetProperty("sections")[2].GetProperty("items").EnumerateArray().Single();
        Assert.Equal(memory.GetProperty("key").GetString(), duplicate.GetProperty("duplicate_of").GetString());
        Assert.StartsWith("notes/db", duplicate.GetProperty("key").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--budget", "5")]
    [InlineData("--session", "nope")]
    [InlineData("--tokenizer", "gpt-17")]
    [InlineData("--pin", "notes/missing")]
    [InlineData("--state", "never-saved")]
    [InlineData("--recent-share", "2")]
    [InlineData("--memories", "-1")]
    public async Task Context_BadInput_IsACallerErrorWithAMessage(string option, string value)
    {
        await SeedAsync();

        var result = await _cli.RunAsync("context", "anything", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("mnemo: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(value.TrimStart('-'), result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Context_BudgetBelowThePins_NamesEachPinsSize()
    {
        await SeedAsync();

        var result = await _cli.RunAsync("context", "anything", "--budget", "5");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"the budget of 5 tokens is below the \d+ tokens of the pinned entries \(pinned/persona: \d+\)", result.Error);
    }

    private async Task SeedAsync()
    {
        await _cli.RunAsync("store", "pinned/persona", "You answer in one sentence.");
        await _cli.RunAsync("store", "notes/db", "We chose Postgres 15 for the analytics database.");
        await _cli.RunAsync("store", "notes/db-copy", "We chose Postgres 15 for the analytics database!", "--on-duplicate", "allow");
        await _cli.RunAsync("session", "start", "chat-1");
        await _cli.RunAsync("state", "save", "chat-1", "{\"phase\":\"answering\"}");
        await _cli.RunAsync("message", "add", "chat-1", "Which database did we choose for analytics?", "--role", "user");
    }
}
