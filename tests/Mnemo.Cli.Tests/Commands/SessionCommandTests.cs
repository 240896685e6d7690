namespace Mnemo.Cli.Tests.Commands;

[Trait("Issue", "16")]
public sealed class SessionCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task StartAddShow_KeepsTheConversationWithTokenCounts()
    {
        var started = await _cli.RunAsync("session", "start", "chat-1", "--tokenizer", "o200k_base");
        var added = await _cli.RunAsync("message", "add", "chat-1", "Which database did we choose?", "--role", "user");
        await _cli.RunAsync("message", "add", "chat-1", "lookup(db)", "--role", "assistant", "--tool-call-id", "c1");
        await _cli.RunAsync("message", "add", "chat-1", "SQLite", "--role", "tool", "--tool-call-id", "c1");
        var shown = await _cli.RunAsync("session", "show", "chat-1", "--json");

        Assert.Equal("started session chat-1 (tokens counted with o200k_base)\n", started.Output);
        Assert.StartsWith("added message 1 to chat-1 (", added.Output, StringComparison.Ordinal);
        var json = shown.Json();
        Assert.Equal(3, json.GetProperty("messages").GetInt64());
        Assert.Equal(["user", "assistant", "tool"], json.GetProperty("history").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(json.GetProperty("tokens").GetInt64(), json.GetProperty("history").EnumerateArray().Sum(m => m.GetProperty("tokens").GetInt64()));
    }

    [Theory]
    [InlineData("message", "add", "nope", "hi", "--role", "user")]
    [InlineData("message", "add", "chat-1", "hi", "--role", "robot")]
    [InlineData("message", "add", "chat-1", "42", "--role", "tool", "--tool-call-id", "c9")]
    [InlineData("session", "start", "chat-2", "--tokenizer", "gpt-17")]
    [InlineData("session", "show", "nope")]
    public async Task BadInput_IsACallerErrorWithAMessage(params string[] args)
    {
        await _cli.RunAsync("session", "start", "chat-1");

        var result = await _cli.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("mnemo: ", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.RunAsync("session", "show", "chat-1", "--json")).Json().GetProperty("messages").GetInt64());
    }

    [Fact]
    public async Task ListAndEnd_ReportTheSessions()
    {
        await _cli.RunAsync("session", "start", "chat-1");
        await _cli.RunAsync("message", "add", "chat-1", "hello", "--role", "user");

        var ended = await _cli.RunAsync("session", "end", "chat-1");
        var listed = await _cli.RunAsync("session", "list", "--json");

        Assert.StartsWith("ended session chat-1 (1 messages", ended.Output, StringComparison.Ordinal);
        var session = Assert.Single(listed.Json().EnumerateArray());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, session.GetProperty("ended").ValueKind);
    }

    [Fact]
    public async Task MessageAdd_WithASecret_SaysWhatItRedacted()
    {
        await _cli.RunAsync("session", "start", "chat-1");

        var added = await _cli.RunAsync("message", "add", "chat-1", "my key is sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD", "--role", "user");
        var shown = await _cli.RunAsync("session", "show", "chat-1", "--json");

        Assert.EndsWith("; redacted 1 openai-key)\n", added.Output, StringComparison.Ordinal);
        var message = shown.Json().GetProperty("history")[0];
        Assert.Equal("my key is [REDACTED:openai-key]", message.GetProperty("text").GetString());
        Assert.Equal(1, message.GetProperty("redacted").GetProperty("openai-key").GetInt32());
    }
}
