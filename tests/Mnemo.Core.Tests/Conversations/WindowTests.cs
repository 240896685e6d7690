using Mnemo.Core.Conversations;
using Mnemo.Core.Tests.Tokens;
using Mnemo.Core.Tokens;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Conversations;

[Trait("Issue", "16")]
public sealed class WindowTests : EngineTestBase
{
    [Fact]
    public async Task AddMessage_OverflowingTheWindow_KeepsTheLatestTurnsUpToTheOverlap_AndCompactsExactlyTheDropped()
    {
        var window = new SessionWindow(100, 30);
        await Engine.StartSessionAsync("chat-1", window: window, cancellationToken: Ct);
        var counter = TokenCounters.BuiltIn.Default;

        var before = (await Engine.GetSessionAsync("chat-1", Ct))!;
        var number = 0;
        while (before.Compactions == 0)
        {
            number++;
            await Engine.AddMessageAsync("chat-1", MessageRole.User, $"Message {number} is about the release of version {number}.0 next week.", cancellationToken: Ct);
            var after = (await Engine.GetSessionAsync("chat-1", Ct))!;
            if (after.Compactions == 0)
            {
                before = after;
                continue;
            }

            var messages = await Engine.GetMessagesAsync("chat-1", cancellationToken: Ct);
            var kept = messages.Where(message => message.Sequence >= after.WindowStart).ToList();
            var dropped = messages.Where(message => message.Sequence < after.WindowStart).ToList();
            var overlap = kept.Take(kept.Count - 1).Sum(message => message.Tokens);
            Assert.Equal(number, kept[^1].Sequence);
            Assert.InRange(overlap, 0, window.Overlap);
            Assert.True(overlap + dropped[^1].Tokens > window.Overlap, "the window kept fewer turns than fit in the overlap");
            Assert.Equal(kept.Sum(message => message.Tokens), after.WindowTokens);
            Assert.True(before.WindowTokens + kept[^1].Tokens > window.MaxTokens, "the window slid before it overflowed");

            var compaction = Assert.Single(await Engine.GetCompactionsAsync("chat-1", Ct));
            Assert.Equal((1L, before.WindowStart, after.WindowStart - 1), (compaction.Number, compaction.From, compaction.To));
            Assert.Equal(dropped.Sum(message => message.Tokens), compaction.DroppedTokens);
            Assert.Equal(counter.CountTokens(compaction.Text), compaction.Tokens);
            Assert.InRange(compaction.Tokens, 1, Math.Clamp(compaction.DroppedTokens / 8, 32, 512));
            Assert.Equal("extractive", compaction.Compactor);
            Assert.Null(compaction.Fallback);
            before = after;
        }
    }

    [Fact]
    public async Task AddMessage_RandomSessionsWithToolCalls_NeverSlidesBetweenACallAndItsResult()
    {
        var random = new Random(4096);
        var slides = 0;
        for (var i = 0; i < 12; i++)
        {
            var session = $"s{i}";
            var size = random.Next(30, 300);
            var window = new SessionWindow(size, random.Next(0, size / 2));
            await Engine.StartSessionAsync(session, random.Next(2) == 0 ? TokenCounters.Cl100kBase : TokenCounters.O200kBase, window, Ct);
            await AddRandomTurnsAsync(Engine, session, random, 30, Ct, async () =>
            {
                var state = (await Engine.GetSessionAsync(session, Ct))!;
                var messages = await Engine.GetMessagesAsync(session, cancellationToken: Ct);
                var why = $"session {session} window ({size}, {window.Overlap}) after message {messages.Count}";
                Assert.Equal(messages.Where(message => message.Sequence >= state.WindowStart).Sum(message => message.Tokens), state.WindowTokens);
                foreach (var result in messages.Where(message => message.Role == MessageRole.Tool))
                {
                    var call = messages.First(message => message.Role == MessageRole.Assistant && message.ToolCallId == result.ToolCallId);
                    Assert.False(call.Sequence < state.WindowStart && state.WindowStart <= result.Sequence,
                        $"{why}: the window starts at {state.WindowStart}, between call {call.Sequence} and its result {result.Sequence}");
                }

                // The compactions cover the dropped turns exactly: one after the other, up to the window.
                var compactions = await Engine.GetCompactionsAsync(session, Ct);
                Assert.Equal(state.Compactions, compactions.Count);
                var next = 1L;
                foreach (var compaction in compactions)
                {
                    Assert.Equal(next, compaction.From);
                    Assert.True(compaction.To >= compaction.From, why);
                    next = compaction.To + 1;
                }

                Assert.Equal(next, state.WindowStart);
            });
            slides += (int)(await Engine.GetSessionAsync(session, Ct))!.Compactions;
        }

        Assert.True(slides > 10, $"only {slides} slides");
    }

    [Fact]
    public async Task AddMessage_SlidingAtTheSecondOfTwoParallelCalls_KeepsTheFirstCallForItsResult()
    {
        const string Question = "Compare the weather in Oslo and in Lisbon this weekend, and tell me which of the two cities is warmer and drier "
            + "overall, and whether I should pack an umbrella, a winter coat, or both for a trip that visits the two of them.";
        const string FirstCall = "get_weather(city=\"Oslo\", days=[\"saturday\", \"sunday\"])";
        const string SecondCall = "get_weather(city=\"Lisbon\", days=[\"saturday\", \"sunday\"])";
        var counter = TokenCounters.BuiltIn.Default;

        // The window overflows exactly at the second call.
        var size = counter.CountTokens(Question) + counter.CountTokens(FirstCall) + counter.CountTokens(SecondCall) - 1;
        await Engine.StartSessionAsync("chat-1", window: new SessionWindow(size, 1), cancellationToken: Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.User, Question, cancellationToken: Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.Assistant, FirstCall, "call-1", Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.Assistant, SecondCall, "call-2", Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.Tool, "{\"saturday\": -3}", "call-1", Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.Tool, "{\"saturday\": 18}", "call-2", Ct);

        var session = (await Engine.GetSessionAsync("chat-1", Ct))!;
        var compaction = Assert.Single(await Engine.GetCompactionsAsync("chat-1", Ct));

        Assert.Equal(2, session.WindowStart);
        Assert.Equal((1L, 1L), (compaction.From, compaction.To));
    }

    [Fact]
    public void TurnGroups_ParallelCalls_AreOneGroupFromTheirFirstCall_SequentialCallsAreNot()
    {
        SessionMessage Turn(long sequence, MessageRole role, string? call) =>
            new("s", sequence, role, "x", call, 1, TokenCounters.Cl100kBase, null, DateTimeOffset.UnixEpoch);

        var parallel = TurnGroups.Group([Turn(1, MessageRole.User, null), Turn(2, MessageRole.Assistant, "a"), Turn(3, MessageRole.Assistant, "b")]);
        var sequential = TurnGroups.Group([Turn(1, MessageRole.Assistant, "a"), Turn(2, MessageRole.Tool, "a"), Turn(3, MessageRole.Assistant, "b"), Turn(4, MessageRole.Tool, "b")]);
        var answered = TurnGroups.Group([Turn(1, MessageRole.Assistant, "a"), Turn(2, MessageRole.Assistant, "b"), Turn(3, MessageRole.Tool, "b"), Turn(4, MessageRole.Tool, "a"), Turn(5, MessageRole.User, null)]);

        Assert.Equal([[1L], [2L, 3L]], parallel.Select(group => group.Select(turn => turn.Sequence).ToArray()));
        Assert.Equal([[1L, 2L], [3L, 4L]], sequential.Select(group => group.Select(turn => turn.Sequence).ToArray()));
        Assert.Equal([[1L, 2L, 3L, 4L], [5L]], answered.Select(group => group.Select(turn => turn.Sequence).ToArray()));
    }

    [Fact]
    public async Task AddMessage_AfterTheWindowExpired_StartsAFreshWindow()
    {
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);
        for (var i = 1; i <= 3; i++)
        {
            await Engine.AddMessageAsync("chat-1", MessageRole.User, $"Before the pause, message {i}.", cancellationToken: Ct);
        }

        Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var message = await Engine.AddMessageAsync("chat-1", MessageRole.User, "Back after lunch.", cancellationToken: Ct);

        var session = (await Engine.GetSessionAsync("chat-1", Ct))!;
        Assert.Equal((4L, (long)message.Tokens, 1L), (session.WindowStart, session.WindowTokens, session.Compactions));
        var compaction = Assert.Single(await Engine.GetCompactionsAsync("chat-1", Ct));
        Assert.Equal((1L, 3L), (compaction.From, compaction.To));
    }

    [Fact]
    public async Task AddMessage_WithinTheExpiry_KeepsTheWindow()
    {
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.User, "First.", cancellationToken: Ct);

        Clock.Advance(TimeSpan.FromMinutes(59));
        await Engine.AddMessageAsync("chat-1", MessageRole.User, "Second.", cancellationToken: Ct);

        var session = (await Engine.GetSessionAsync("chat-1", Ct))!;
        Assert.Equal((1L, 0L), (session.WindowStart, session.Compactions));
    }

    [Fact]
    public async Task DroppedTurns_StaySearchable_AndListed()
    {
        await Engine.StartSessionAsync("chat-1", window: new SessionWindow(40, 5), cancellationToken: Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.User, "The secret ingredient of the soup is cardamom.", cancellationToken: Ct);
        for (var i = 0; i < 6; i++)
        {
            await Engine.AddMessageAsync("chat-1", MessageRole.Assistant, $"Filler turn {i} about nothing in particular at all.", cancellationToken: Ct);
        }

        var session = (await Engine.GetSessionAsync("chat-1", Ct))!;
        var hits = await Engine.SearchAsync("cardamom soup ingredient", cancellationToken: Ct);

        Assert.True(session.WindowStart > 1);
        Assert.Contains(hits, hit => hit.Entry.Key == SessionKeys.Message("chat-1", 1));
        Assert.Equal(7, (await Engine.GetMessagesAsync("chat-1", cancellationToken: Ct)).Count);
    }

    [Fact]
    public async Task AddMessage_FailingCompactor_FallsBackToTheExtractiveOne_AndRecordsWhy()
    {
        await using var engine = await OpenOtherStoreAsync("failing", options => options.Compactor = new FailingCompactor());
        await engine.StartSessionAsync("chat-1", window: new SessionWindow(30, 5), cancellationToken: Ct);
        for (var i = 0; i < 5; i++)
        {
            await engine.AddMessageAsync("chat-1", MessageRole.User, $"Turn {i}: the build of version {i} passed all its checks.", cancellationToken: Ct);
        }

        var compactions = await engine.GetCompactionsAsync("chat-1", Ct);

        Assert.NotEmpty(compactions);
        Assert.All(compactions, compaction =>
        {
            Assert.Equal("extractive", compaction.Compactor);
            Assert.Contains("flaky-llm", compaction.Fallback, StringComparison.Ordinal);
            Assert.Contains("model unavailable", compaction.Fallback, StringComparison.Ordinal);
            Assert.NotEmpty(compaction.Text);
        });
    }

    [Fact]
    public async Task ExtractiveCompactor_IsDeterministic_AndOnlySaysWhatWasSaid()
    {
        var random = new Random(77);
        for (var i = 0; i < 40; i++)
        {
            var counter = TokenCounters.BuiltIn.Get(i % 2 == 0 ? TokenCounters.Cl100kBase : TokenCounters.O200kBase);
            var dropped = Enumerable.Range(1, random.Next(1, 12))
                .Select(sequence => new SessionMessage("s", sequence, (MessageRole)random.Next(4), TokenTexts.Random(random, random.Next(1, 60)), null, 0, counter.Name, null, DateTimeOffset.UnixEpoch))
                .ToList();
            var budget = random.Next(1, 200);

            var first = await ExtractiveCompactor.Instance.CompactAsync(dropped, counter, budget, Ct);
            var second = await ExtractiveCompactor.Instance.CompactAsync(dropped, counter, budget, Ct);

            Assert.Equal(first, second);
            Assert.True(counter.CountTokens(first) <= budget, $"case {i}: {counter.CountTokens(first)} tokens over {budget}");
            var said = dropped.SelectMany(message => Sentences.Split(message.Text).Select(sentence => $"{MessageRoles.Name(message.Role)}: {sentence}")).ToHashSet(StringComparer.Ordinal);
            foreach (var line in first.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.True(said.Contains(line), $"case {i}: '{line}' was not said");
            }
        }
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(100, 250)]
    [InlineData(100, -1)]
    public async Task StartSession_OverlapNotBelowTheSize_IsInvalidInputNamingTheNumbers(int size, int overlap)
    {
        var direct = Assert.Throws<MnemoException>(() => new SessionWindow(size, overlap).Validate());
        var started = await Assert.ThrowsAsync<MnemoException>(() => Engine.StartSessionAsync("chat-1", window: new SessionWindow(size, overlap), cancellationToken: Ct));

        foreach (var error in new[] { direct, started })
        {
            Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
            Assert.Contains($"{overlap} tokens", error.Message, StringComparison.Ordinal);
            Assert.Contains($"{size}", error.Message, StringComparison.Ordinal);
        }

        Assert.Null(await Engine.GetSessionAsync("chat-1", Ct));
    }

    [Fact]
    public void Validate_SizeNotPositive_IsInvalidInputNamingIt()
    {
        var error = Assert.Throws<MnemoException>(() => new SessionWindow(0, 0).Validate());

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("0 tokens", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_WindowVariables_SetTheWindowAndExpiry()
    {
        var options = MnemoOptions.FromEnvironment(name => name switch
        {
            MnemoOptions.MaxContextLengthVariable => "2048",
            MnemoOptions.ContextOverlapVariable => "64",
            MnemoOptions.ContextExpiryVariable => "30m",
            _ => null,
        });

        Assert.Equal(new SessionWindow(2048, 64), options.Window);
        Assert.Equal(TimeSpan.FromMinutes(30), options.WindowExpiry);
    }

    [Fact]
    public void FromEnvironment_NoWindowVariables_KeepsTheSeedDefaults()
    {
        var options = MnemoOptions.FromEnvironment(_ => null);

        Assert.Equal(new SessionWindow(4096, 128), options.Window);
        Assert.Equal(TimeSpan.FromHours(1), options.WindowExpiry);
    }

    [Fact]
    public void FromEnvironment_SizeAloneBelowTheDefaultOverlap_GetsASmallerOverlap()
    {
        var options = MnemoOptions.FromEnvironment(name => name == MnemoOptions.MaxContextLengthVariable ? "100" : null);

        Assert.Equal(new SessionWindow(100, 3), options.Window);
    }

    [Theory]
    [InlineData(MnemoOptions.MaxContextLengthVariable, "lots")]
    [InlineData(MnemoOptions.MaxContextLengthVariable, "0")]
    [InlineData(MnemoOptions.ContextOverlapVariable, "-3")]
    [InlineData(MnemoOptions.ContextOverlapVariable, "5000")]
    [InlineData(MnemoOptions.ContextExpiryVariable, "soon")]
    [InlineData(MnemoOptions.ContextExpiryVariable, "0s")]
    public void FromEnvironment_BadWindowValue_NamesTheVariable(string variable, string value)
    {
        var error = Assert.Throws<MnemoException>(() => MnemoOptions.FromEnvironment(name => name == variable ? value : null));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Adds about <paramref name="count"/> random turns: user and assistant messages, and batches of one to three tool
    /// calls followed by their results in any order; runs <paramref name="check"/> after each.
    /// </summary>
    internal static async Task AddRandomTurnsAsync(MnemoEngine engine, string session, Random random, int count, CancellationToken ct, Func<Task>? check = null)
    {
        var added = 0;
        var calls = 0;
        async Task AddAsync(MessageRole role, string? call)
        {
            await engine.AddMessageAsync(session, role, TokenTexts.Random(random, random.Next(1, 40)).Trim(), call, ct);
            added++;
            if (check is not null)
            {
                await check();
            }
        }

        while (added < count)
        {
            var kind = random.Next(10);
            if (kind < 4)
            {
                await AddAsync(MessageRole.User, null);
            }
            else if (kind < 6)
            {
                await AddAsync(MessageRole.Assistant, null);
            }
            else
            {
                var batch = Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"call-{++calls}").ToList();
                foreach (var call in batch)
                {
                    await AddAsync(MessageRole.Assistant, call);
                }

                foreach (var call in batch.OrderBy(_ => random.Next()))
                {
                    await AddAsync(MessageRole.Tool, call);
                }
            }
        }
    }

    private sealed class FailingCompactor : ISessionCompactor
    {
        public string Name => "flaky-llm";

        public ValueTask<string> CompactAsync(IReadOnlyList<SessionMessage> dropped, ITokenCounter counter, int maxTokens, CancellationToken cancellationToken) =>
            throw new HttpRequestException("model unavailable");
    }
}
