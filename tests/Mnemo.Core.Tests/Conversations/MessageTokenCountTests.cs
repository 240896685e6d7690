using Mnemo.Core.Conversations;
using Mnemo.Core.Tests.Tokens;
using Mnemo.Core.Tokens;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Conversations;

[Trait("Issue", "16")]
public sealed class MessageTokenCountTests : EngineTestBase
{
    [Theory]
    [InlineData(TokenCounters.Cl100kBase)]
    [InlineData(TokenCounters.O200kBase)]
    public async Task AddMessage_EveryMessage_CountsWhatTheTokenizerItselfCounts(string tokenizer)
    {
        var counter = TokenCounters.BuiltIn.Get(tokenizer);
        var random = new Random(tokenizer.Length);
        var texts = TokenTexts.Fixed.Concat(Enumerable.Range(0, 40).Select(i => TokenTexts.Random(random, random.Next(1, 80)))).ToList();
        await Engine.StartSessionAsync("chat-1", tokenizer, new SessionWindow(200, 20), Ct);

        var added = new List<SessionMessage>();
        foreach (var text in texts)
        {
            added.Add(await Engine.AddMessageAsync("chat-1", MessageRole.User, text, cancellationToken: Ct));
        }

        var stored = await Engine.GetMessagesAsync("chat-1", cancellationToken: Ct);
        Assert.Equal(texts.Count, stored.Count);
        foreach (var (message, read) in added.Zip(stored))
        {
            Assert.Equal(counter.CountTokens(read.Text), message.Tokens);
            Assert.Equal(message.Tokens, read.Tokens);
            Assert.Equal(tokenizer, read.Tokenizer);
        }

        var session = (await Engine.GetSessionAsync("chat-1", Ct))!;
        Assert.Equal(stored.Sum(message => (long)message.Tokens), session.Tokens);
        Assert.Equal(stored.Where(message => message.Sequence >= session.WindowStart).Sum(message => (long)message.Tokens), session.WindowTokens);
    }
}
