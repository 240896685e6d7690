namespace Mnemo.Mcp.Tests.Faces;

/// <summary>
/// The memory tools answer in Core's shapes and act through one identity path: the server's agent is a view of the
/// engine (engine.As), not a field each tool sets on its writes.
/// </summary>
[Trait("Issue", "14")]
public sealed class CoreShapedToolTests : McpTestBase
{
    private const string ServerAgent = "claude-desktop";

    protected override MnemoMcpSettings Settings => new(Agent: ServerAgent);

    [Fact]
    public async Task Tools_ActAsTheSettingsAgent_ThoughTheEngineHasNone()
    {
        var stored = await CallOkAsync("memory_store", """{"key": "notes/a", "text": "one"}""");
        var stats = await CallOkAsync("memory_stats");
        await CallOkAsync("create_entities", """{"entities": [{"name": "Alice", "entityType": "person", "observations": ["likes tea"]}]}""");

        Assert.Null(Engine.Agent);
        Assert.Equal(ServerAgent, stored.GetProperty("agent").GetString());
        Assert.Equal(ServerAgent, stats.GetProperty("agent").GetString());
        Assert.Equal(ServerAgent, (await Engine.GetAsync("notes/a", Ct))!.Agent);
        Assert.All((await Engine.ListAsync("graph/", cancellationToken: Ct)).Entries, entry => Assert.Equal(ServerAgent, entry.Agent));
    }

    [Fact]
    public async Task Store_AnswersTheEntryActionDuplicateConflictAndWarnings()
    {
        await CallOkAsync("memory_store", """{"key": "notes/a", "text": "We chose PostgreSQL for orders"}""");

        var again = await CallOkAsync("memory_store", """{"key": "notes/b", "text": "We chose PostgreSQL for orders"}""");

        Assert.Equal("written", again.GetProperty("action").GetString());
        Assert.Equal("notes/a", again.GetProperty("duplicate").GetProperty("key").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, again.GetProperty("conflict").ValueKind);
        Assert.Equal(0, again.GetProperty("warnings").GetArrayLength());
        Assert.Equal("We chose PostgreSQL for orders", again.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Search_WithExplain_AddsEachSignal()
    {
        await CallOkAsync("memory_store", """{"key": "notes/db", "text": "We chose PostgreSQL for the orders database"}""");

        var plain = await CallOkAsync("memory_search", """{"query": "orders database"}""");
        var explained = await CallOkAsync("memory_search", """{"query": "orders database", "explain": true}""");

        Assert.False(plain.GetProperty("results")[0].TryGetProperty("explain", out _));
        var explain = explained.GetProperty("results")[0].GetProperty("explain");
        Assert.Equal(1, explain.GetProperty("rank").GetInt32());
        Assert.True(explain.GetProperty("text").TryGetProperty("bm25", out _));
    }

    [Fact]
    public async Task Unlink_RemovesTheLink_AndAMissingLinkIsAToolErrorSayingWhereToLook()
    {
        await CallOkAsync("memory_store", """{"key": "p/bug", "text": "checkout fails"}""");
        await CallOkAsync("memory_store", """{"key": "p/fix", "text": "retry the payment call"}""");
        await CallOkAsync("memory_link", """{"from": "p/fix", "to": "p/bug", "relation": "fixes"}""");

        var removed = await CallOkAsync("memory_unlink", """{"from": "p/fix", "to": "p/bug"}""");
        var neighbors = await CallOkAsync("memory_neighbors", """{"key": "p/bug"}""");
        var again = await CallErrorAsync("memory_unlink", """{"from": "p/fix", "to": "p/bug"}""");

        Assert.Equal(1, removed.GetProperty("removed").GetInt32());
        Assert.Equal(0, neighbors.GetProperty("neighbors").GetArrayLength());
        Assert.Contains("no link from 'p/fix' to 'p/bug'", again, StringComparison.Ordinal);
        Assert.Contains("memory_neighbors", again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("memory_store", """{"key": "a/b", "text": "x", "on_duplicate": "ignore"}""", "argument 'on_duplicate' is 'ignore': give report, skip, merge or allow")]
    [InlineData("memory_neighbors", """{"key": "a/b", "direction": "up"}""", "argument 'direction' is 'up': give both, out or in")]
    public async Task UnknownNames_AreToolErrorsListingCoresNames(string tool, string arguments, string expected)
    {
        Assert.Contains(expected, await CallErrorAsync(tool, arguments), StringComparison.Ordinal);
    }
}
