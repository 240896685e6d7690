namespace Mnemo.Mcp.Tests;

[Trait("Issue", "16")]
public sealed class ContextToolTests : McpTestBase
{
    [Fact]
    public async Task ContextAssemble_SessionWithPinsAndMemories_ReturnsTheTextAndItsReportWithinTheBudget()
    {
        await CallOkAsync("memory_store", """{"key": "pinned/persona", "text": "You answer in one sentence."}""");
        await CallOkAsync("memory_store", """{"key": "notes/db", "text": "We chose Postgres 15 for the analytics database."}""");
        await CallOkAsync("session_start", """{"session": "chat-1"}""");
        await CallOkAsync("message_add", """{"session": "chat-1", "role": "assistant", "text": "Looking it up.", "tool_call_id": "c1"}""");
        await CallOkAsync("message_add", """{"session": "chat-1", "role": "tool", "text": "Postgres 15", "tool_call_id": "c1"}""");
        await CallOkAsync("message_add", """{"session": "chat-1", "role": "user", "text": "Which database did we choose for analytics?"}""");

        var context = await CallOkAsync("context_assemble", """{"prompt": "which analytics database?", "session": "chat-1", "budget": 300}""");

        Assert.InRange(context.GetProperty("tokens").GetInt32(), 1, 300);
        Assert.Equal(300, context.GetProperty("budget").GetInt32());
        var text = context.GetProperty("text").GetString()!;
        Assert.StartsWith("## Pinned\n[pinned/persona] You answer in one sentence.", text, StringComparison.Ordinal);
        Assert.Contains("[notes/db] We chose Postgres 15", text, StringComparison.Ordinal);
        Assert.Contains("assistant (tool call c1): Looking it up.\ntool (result of c1): Postgres 15", text, StringComparison.Ordinal);
        var sections = context.GetProperty("sections").EnumerateArray().Select(section => section.GetProperty("section").GetString()!).ToArray();
        Assert.Equal(["pinned", "memories", "recent"], sections);
    }

    [Theory]
    [InlineData("""{"prompt": "x", "session": "nope"}""", "nope")]
    [InlineData("""{"prompt": "x", "tokenizer": "gpt-17"}""", "cl100k_base")]
    [InlineData("""{"prompt": "x", "budget": 0}""", "budget")]
    [InlineData("""{"prompt": "x", "pinned": ["notes/missing"]}""", "notes/missing")]
    public async Task ContextAssemble_BadRequest_IsAToolErrorThatSaysWhy(string arguments, string expected)
    {
        var message = await CallErrorAsync("context_assemble", arguments);

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }
}
