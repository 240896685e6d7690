namespace Mnemo.Mcp.Tests;

[Trait("Issue", "16")]
public sealed class StateToolTests : McpTestBase
{
    [Fact]
    public async Task SaveGetHistory_KeepsEveryVersion_InTheCliShape()
    {
        var first = await CallOkAsync("state_save", """{"name": "task-1", "document": {"phase": "planning", "step": 1}}""");
        await CallOkAsync("state_save", """{"name": "task-1", "document": "{\"phase\": \"executing\", \"step\": 2}", "expected_version": 1}""");

        var current = await CallOkAsync("state_get", """{"name": "task-1"}""");
        var history = await CallOkAsync("state_history", """{"name": "task-1", "limit": 10}""");

        Assert.Equal("task-1", first.GetProperty("name").GetString());
        Assert.Equal(1, first.GetProperty("version").GetInt64());
        Assert.Equal(2, current.GetProperty("version").GetInt64());
        Assert.Equal("executing", current.GetProperty("document").GetProperty("phase").GetString());
        var versions = history.GetProperty("states").EnumerateArray().Select(state => state.GetProperty("version").GetInt64()).ToArray();
        Assert.Equal([2L, 1L], versions);
    }

    [Fact]
    public async Task Save_InvalidTransition_IsRefusedWithTheReason_AndWritesNothing()
    {
        await CallOkAsync("state_define", """{"name": "task-1", "transitions": "planning>executing,executing>reviewing"}""");
        await CallOkAsync("state_save", """{"name": "task-1", "document": {"phase": "planning"}}""");

        var message = await CallErrorAsync("state_save", """{"name": "task-1", "document": {"phase": "reviewing"}}""");

        Assert.Contains("cannot go from planning to reviewing; allowed: executing", message, StringComparison.Ordinal);
        var current = await CallOkAsync("state_get", """{"name": "task-1"}""");
        Assert.Equal(1, current.GetProperty("version").GetInt64());
        Assert.Equal("planning", current.GetProperty("document").GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Restore_AfterABadVersion_SavesTheLastValidOneAgain()
    {
        await CallOkAsync("state_save", """{"name": "task-1", "document": {"phase": "planning", "step": 1}}""");
        await CallOkAsync("state_save", """{"name": "task-1", "document": {"phase": "planning", "step": "broken"}}""");
        await CallOkAsync("state_define", """{"name": "task-1", "schema": {"type": "object", "properties": {"step": {"type": "integer"}}}}""");

        var restore = await CallOkAsync("state_restore", """{"name": "task-1"}""");

        Assert.Equal(1, restore.GetProperty("restored_version").GetInt64());
        Assert.Equal(2, restore.GetProperty("replaced_version").GetInt64());
        Assert.Equal(3, restore.GetProperty("version").GetInt64());
        Assert.Equal(1, restore.GetProperty("document").GetProperty("step").GetInt32());
    }

    [Theory]
    [InlineData("state_get", """{"name": "nope"}""", "no saved state 'nope'")]
    [InlineData("state_restore", """{"name": "nope"}""", "no saved state 'nope'")]
    [InlineData("state_save", """{"name": "task-1", "document": "{not json"}""", "argument 'document' is a string that is not JSON")]
    [InlineData("state_save", """{"name": "task-1"}""", "argument 'document' is missing")]
    [InlineData("state_save", """{"name": "task-1", "document": {"phase": "x"}, "expected_version": 3}""", "retry state_save with expected_version 0")]
    [InlineData("state_define", """{"name": "task-1", "transitions": "planning"}""", "planning")]
    public async Task BadCalls_AreToolErrorsThatSayWhy(string tool, string arguments, string expected)
    {
        var message = await CallErrorAsync(tool, arguments);

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }
}
