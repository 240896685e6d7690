namespace Mnemo.Mcp.Tests;

[Trait("Issue", "16")]
public sealed class ConversationToolTests : McpTestBase
{
    [Fact]
    public async Task StartAddShow_KeepsTheConversation_WithTokensAndRedaction()
    {
        var started = await CallOkAsync("session_start", """{"session": "chat-1", "tokenizer": "o200k_base"}""");
        await CallOkAsync("message_add", """{"session": "chat-1", "role": "user", "text": "Reach me at ada@example.com"}""");
        await CallOkAsync("message_add", """{"session": "chat-1", "role": "assistant", "text": "lookup(ada)", "tool_call_id": "c1"}""");
        var tool = await CallOkAsync("message_add", """{"session": "chat-1", "role": "tool", "text": "found", "tool_call_id": "c1"}""");
        var shown = await CallOkAsync("session_show", """{"session": "chat-1"}""");
        var listed = await CallOkAsync("session_list");

        Assert.Equal("o200k_base", started.GetProperty("tokenizer").GetString());
        Assert.Equal(3, tool.GetProperty("sequence").GetInt64());
        var history = shown.GetProperty("history");
        Assert.Equal("Reach me at [REDACTED:email]", history[0].GetProperty("text").GetString());
        Assert.Equal(1, history[0].GetProperty("redacted").GetProperty("email").GetInt32());
        Assert.Equal(shown.GetProperty("tokens").GetInt64(), history.EnumerateArray().Sum(m => m.GetProperty("tokens").GetInt64()));
        Assert.Equal(3, listed.GetProperty("sessions")[0].GetProperty("messages").GetInt64());
    }

    [Theory]
    [InlineData("message_add", """{"session": "nope", "role": "user", "text": "hi"}""", "no session 'nope'")]
    [InlineData("message_add", """{"session": "chat-1", "role": "robot", "text": "hi"}""", "role 'robot' is not a message role")]
    [InlineData("message_add", """{"session": "chat-1", "role": "tool", "text": "42", "tool_call_id": "c9"}""", "c9")]
    [InlineData("session_start", """{"session": "chat-2", "tokenizer": "gpt-17"}""", "unknown tokenizer 'gpt-17'")]
    public async Task BadCalls_AreToolErrorsThatSayWhy(string tool, string arguments, string expected)
    {
        await CallOkAsync("session_start", """{"session": "chat-1"}""");

        var message = await CallErrorAsync(tool, arguments);

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }
}
