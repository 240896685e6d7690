using Mnemo.Core.Conversations;
using Mnemo.Core.Tokens;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Conversations;

[Trait("Issue", "16")]
public sealed class SessionTests : EngineTestBase
{
    [Fact]
    public async Task AddMessage_CountsItsTokensExactly_AndTheSessionSumsThem()
    {
        await Engine.StartSessionAsync("chat-1", TokenCounters.O200kBase, cancellationToken: Ct);

        var first = await Engine.AddMessageAsync("chat-1", MessageRole.User, "What database did we choose, and why?", cancellationToken: Ct);
        var second = await Engine.AddMessageAsync("chat-1", MessageRole.Assistant, "SQLite: it is embedded and needs no server.", cancellationToken: Ct);
        var session = await Engine.GetSessionAsync("chat-1", Ct);

        var counter = TokenCounters.BuiltIn.Get(TokenCounters.O200kBase);
        Assert.Equal(counter.CountTokens(first.Text), first.Tokens);
        Assert.Equal(counter.CountTokens(second.Text), second.Tokens);
        Assert.Equal([1L, 2L], [first.Sequence, second.Sequence]);
        Assert.Equal(2, session!.Messages);
        Assert.Equal(first.Tokens + second.Tokens, session.Tokens);
        Assert.Equal("o200k_base", session.Tokenizer);
    }

    [Fact]
    public async Task GetMessages_ReturnsThemInOrder_WithRoleAndToolCall()
    {
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.User, "Weather in Oslo?", cancellationToken: Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.Assistant, "get_weather(Oslo)", "call-1", Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.Tool, "{\"temp\": -3}", "call-1", Ct);

        var messages = await Engine.GetMessagesAsync("chat-1", cancellationToken: Ct);

        Assert.Equal([MessageRole.User, MessageRole.Assistant, MessageRole.Tool], messages.Select(m => m.Role));
        Assert.Equal([null, "call-1", "call-1"], messages.Select(m => m.ToolCallId));
        Assert.Equal("{\"temp\": -3}", messages[2].Text);
    }

    [Fact]
    public async Task ToolMessage_AnsweringNoCall_IsRefusedAndNothingIsWritten()
    {
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);

        var unknown = await Assert.ThrowsAsync<MnemoException>(() => Engine.AddMessageAsync("chat-1", MessageRole.Tool, "42", "call-9", Ct));
        var missing = await Assert.ThrowsAsync<MnemoException>(() => Engine.AddMessageAsync("chat-1", MessageRole.Tool, "42", null, Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, unknown.ErrorCode);
        Assert.Contains("call-9", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(MnemoErrorCode.InvalidInput, missing.ErrorCode);
        Assert.Equal(0, (await Engine.GetSessionAsync("chat-1", Ct))!.Messages);
    }

    [Fact]
    public async Task UnknownSession_IsNotFoundNamingIt()
    {
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.AddMessageAsync("nope", MessageRole.User, "hi", cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.NotFound, error.ErrorCode);
        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartSession_Twice_OrWithAnUnknownTokenizer_IsRefused()
    {
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);

        var twice = await Assert.ThrowsAsync<MnemoException>(() => Engine.StartSessionAsync("chat-1", cancellationToken: Ct));
        var tokenizer = await Assert.ThrowsAsync<MnemoException>(() => Engine.StartSessionAsync("chat-2", "gpt-17", cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, twice.ErrorCode);
        Assert.Equal(MnemoErrorCode.InvalidInput, tokenizer.ErrorCode);
        Assert.Null(await Engine.GetSessionAsync("chat-2", Ct));
    }

    [Fact]
    public async Task EndedSession_KeepsItsMessages_AndTakesNoMore()
    {
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.User, "hello", cancellationToken: Ct);

        var ended = await Engine.EndSessionAsync("chat-1", Ct);
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.AddMessageAsync("chat-1", MessageRole.User, "again", cancellationToken: Ct));

        Assert.NotNull(ended.Ended);
        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Single(await Engine.GetMessagesAsync("chat-1", cancellationToken: Ct));
    }

    [Fact]
    public async Task ConcurrentAppends_EachGetTheirOwnNumber()
    {
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Engine.AddMessageAsync("chat-1", MessageRole.User, $"message {i}", cancellationToken: Ct)));
        var messages = await Engine.GetMessagesAsync("chat-1", cancellationToken: Ct);

        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), messages.Select(m => m.Sequence));
        Assert.Equal(8, (await Engine.GetSessionAsync("chat-1", Ct))!.Messages);
    }

    [Fact]
    public async Task ListSessions_ListsEachOnce()
    {
        await Engine.StartSessionAsync("b", cancellationToken: Ct);
        await Engine.StartSessionAsync("a", cancellationToken: Ct);
        await Engine.AddMessageAsync("a", MessageRole.User, "x", cancellationToken: Ct);

        var sessions = await Engine.ListSessionsAsync(Ct);

        Assert.Equal(["a", "b"], sessions.Select(s => s.Id));
    }

    [Fact]
    public async Task Messages_AreEntries_FoundBySearch()
    {
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.User, "The quarterly budget review is on Friday", cancellationToken: Ct);

        var hits = await Engine.SearchAsync("budget review", cancellationToken: Ct);

        Assert.Equal("sessions/chat-1/messages/00000001", hits[0].Entry.Key);
    }

    [Fact]
    public async Task AddMessage_WithSecrets_StoresAndCountsThemRedacted_AndSaysWhichKinds()
    {
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);

        var message = await Engine.AddMessageAsync("chat-1", MessageRole.User, "Mail ada@example.com, card 4111 1111 1111 1111, thanks", cancellationToken: Ct);
        var stored = await Engine.GetAsync("sessions/chat-1/messages/00000001", Ct);
        var read = Assert.Single(await Engine.GetMessagesAsync("chat-1", cancellationToken: Ct));

        Assert.Equal("Mail [REDACTED:email], card [REDACTED:card-number], thanks", message.Text);
        Assert.Equal(message.Text, stored!.Text);
        Assert.Equal(TokenCounters.BuiltIn.Default.CountTokens(message.Text), message.Tokens);
        Assert.Equal(["card-number:1", "email:1"], message.Redacted.Select(f => $"{f.Kind}:{f.Count}").Order(StringComparer.Ordinal));
        Assert.Equal(message.Redacted.Select(f => f.Kind).Order(StringComparer.Ordinal), read.Redacted.Select(f => f.Kind).Order(StringComparer.Ordinal));
        Assert.Empty(await Engine.FullTextSearchAsync("ada example", cancellationToken: Ct));
    }

    [Fact]
    public async Task AddMessage_RedactionOff_KeepsTheTextAsGiven()
    {
        await using var engine = await OpenOtherStoreAsync("plain", options => options.MessageRedactor = null);
        await engine.StartSessionAsync("chat-1", cancellationToken: Ct);

        var message = await engine.AddMessageAsync("chat-1", MessageRole.User, "Mail ada@example.com", cancellationToken: Ct);

        Assert.Equal("Mail ada@example.com", message.Text);
        Assert.Empty(message.Redacted);
    }

    [Fact]
    public async Task AddMessage_ToolResultLongAfterItsCall_FindsTheCall()
    {
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.Assistant, "lookup(db)", "c1", Ct);
        for (var i = 0; i < 150; i++)
        {
            await Engine.AddMessageAsync("chat-1", MessageRole.User, $"still waiting {i}", cancellationToken: Ct);
        }

        var result = await Engine.AddMessageAsync("chat-1", MessageRole.Tool, "SQLite", "c1", Ct);
        var unknown = await Assert.ThrowsAsync<MnemoException>(() => Engine.AddMessageAsync("chat-1", MessageRole.Tool, "?", "c2", Ct));

        Assert.Equal(152, result.Sequence);
        Assert.Equal(MnemoErrorCode.InvalidInput, unknown.ErrorCode);
    }
}
