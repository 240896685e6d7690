using System.Text.Json;
using Mnemo.Core.Context;
using Mnemo.Core.Conversations;
using Mnemo.Core.Tokens;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Context;

[Trait("Issue", "16")]
public sealed class AssembleContextTests : EngineTestBase
{
    private const string LongMemory =
        "The migration to the new cluster starts on Monday. It moves the billing service first, then the search service. "
        + "Each service is drained before it moves, so that no request is lost. The old cluster stays up for a week as a fallback. "
        + "After that week it is shut down and its disks are wiped. The team on call during the migration is the platform team. "
        + "Questions go to the migration channel, not to the people on call. A report on how it went follows two weeks later.";

    [Fact]
    public async Task AssembleContext_NearDuplicateMemories_KeepsOne_AndNamesItInTheOther()
    {
        await StoreAsync("notes/deploy-a", "The deploy runs every Friday at 5 pm from the main branch.");
        await StoreAsync("notes/deploy-b", "The deploy runs every Friday at 5 pm, from the main branch!");

        var context = await Engine.AssembleContextAsync(new ContextRequest { Prompt = "when does the deploy run", Prefix = "notes/" }, Ct);

        var kept = Assert.Single(context.Section(ContextSectionKind.Memories)!.Items);
        var duplicate = Assert.Single(context.LeftOut);
        Assert.Equal(OmissionReason.NearDuplicate, duplicate.Reason);
        Assert.Equal(kept.Key, duplicate.DuplicateOf);
        Assert.Equal(["notes/deploy-a", "notes/deploy-b"], new[] { kept.Key, duplicate.Key }.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AssembleContext_MemoryTooLongForTheBudget_IsCutToItsSentencesThatMatchThePrompt()
    {
        await StoreAsync("notes/migration", LongMemory);

        var context = await Engine.AssembleContextAsync(new ContextRequest { Prompt = "who is on call?", Prefix = "notes/", Budget = 60 }, Ct);

        var item = Assert.Single(context.Section(ContextSectionKind.Memories)!.Items);
        Assert.True(item.Cut);
        var text = item.Text["[notes/migration] ".Length..];
        Assert.Contains("The team on call during the migration is the platform team.", text, StringComparison.Ordinal);
        Assert.StartsWith("… ", text, StringComparison.Ordinal);
        var position = 0;
        foreach (var part in text.Trim('…', ' ').Split(" … "))
        {
            position = LongMemory.IndexOf(part, position, StringComparison.Ordinal);
            Assert.True(position >= 0, $"'{part}' is not a run of the memory's sentences in order");
        }

        Assert.True(context.Tokens <= 60);
        Assert.Equal(TokenCounters.BuiltIn.Default.CountTokens(context.Text), context.Tokens);
    }

    [Fact]
    public async Task AssembleContext_PromptOfFunctionWordsOnly_CutsAMemoryAtItsLeadingSentences()
    {
        await StoreAsync("notes/migration", LongMemory);

        var context = await Engine.AssembleContextAsync(new ContextRequest { Prompt = "the", Prefix = "notes/", Budget = 60, MaxMemories = 1 }, Ct);

        var item = Assert.Single(context.Section(ContextSectionKind.Memories)!.Items);
        var text = item.Text["[notes/migration] ".Length..];
        Assert.True(item.Cut);
        Assert.StartsWith(text, LongMemory, StringComparison.Ordinal);
        Assert.EndsWith(".", text, StringComparison.Ordinal);
        Assert.Equal(' ', LongMemory[text.Length]);
    }

    [Fact]
    public async Task AssembleContext_TurnsThatDoNotFit_AreReportedAsLeftOut()
    {
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);
        for (var i = 1; i <= 12; i++)
        {
            await Engine.AddMessageAsync("chat-1", MessageRole.User, $"Turn {i} talks about the weather on day {i} in some detail.", cancellationToken: Ct);
        }

        var context = await Engine.AssembleContextAsync(new ContextRequest { Prompt = "xyzzy", Session = "chat-1", Budget = 80, MaxMemories = 0 }, Ct);

        var shown = context.Section(ContextSectionKind.Recent)!.Items.Select(item => item.Key).ToList();
        var leftOut = context.LeftOut.Where(omission => omission.Kind == ContextSectionKind.Recent).Select(omission => omission.Key).ToList();
        Assert.NotEmpty(leftOut);
        Assert.All(leftOut, omission => Assert.DoesNotContain(omission, shown));
        Assert.Equal(12, shown.Count + leftOut.Count);
        Assert.Equal("sessions/chat-1/messages/00000012", shown[^1]);
    }

    [Fact]
    public async Task AssembleContext_Sections_ComeInOrder_PinnedStateMemoriesRecent()
    {
        await StoreAsync("pinned/style", "Answer in one short paragraph.");
        await StoreAsync("notes/db", "We chose PostgreSQL for the orders database because of its JSON support.");
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);
        await Engine.SaveStateAsync("chat-1", Json("""{"phase":"planning"}"""), cancellationToken: Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.User, "Which database holds the orders?", cancellationToken: Ct);

        var context = await Engine.AssembleContextAsync(new ContextRequest { Prompt = "orders database", Session = "chat-1", Prefix = "notes/" }, Ct);

        Assert.Equal([ContextSectionKind.Pinned, ContextSectionKind.State, ContextSectionKind.Memories, ContextSectionKind.Recent],
            context.Sections.Select(section => section.Kind));
        int[] positions =
        [
            context.Text.IndexOf("[pinned/style]", StringComparison.Ordinal),
            context.Text.IndexOf("planning", StringComparison.Ordinal),
            context.Text.IndexOf("[notes/db]", StringComparison.Ordinal),
            context.Text.IndexOf("user: Which database", StringComparison.Ordinal),
        ];
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task AssembleContext_RecentTurns_AreTheLatest_OldestFirst()
    {
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);
        for (var i = 1; i <= 10; i++)
        {
            await Engine.AddMessageAsync("chat-1", i % 2 == 1 ? MessageRole.User : MessageRole.Assistant, $"Turn number {i} says something about topic {i}.", cancellationToken: Ct);
        }

        var context = await Engine.AssembleContextAsync(new ContextRequest { Prompt = "topic", Session = "chat-1", Budget = 60, MaxMemories = 0 }, Ct);

        var keys = context.Section(ContextSectionKind.Recent)!.Items.Select(item => item.Key).ToList();
        Assert.InRange(keys.Count, 1, 9);
        Assert.Equal(Enumerable.Range(11 - keys.Count, keys.Count).Select(i => SessionKeys.Message("chat-1", i)), keys);
        var first = context.Text.IndexOf($"Turn number {11 - keys.Count} ", StringComparison.Ordinal);
        var last = context.Text.IndexOf("Turn number 10 ", StringComparison.Ordinal);
        Assert.InRange(first, 0, last - 1);
    }

    [Fact]
    public async Task AssembleContext_UnknownPinnedKey_IsNotFoundNamingIt()
    {
        var error = await Assert.ThrowsAsync<MnemoException>(() =>
            Engine.AssembleContextAsync(new ContextRequest { Prompt = "x", Pinned = ["notes/missing"] }, Ct));

        Assert.Equal(MnemoErrorCode.NotFound, error.ErrorCode);
        Assert.Contains("notes/missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssembleContext_UnknownSession_IsNotFoundNamingIt()
    {
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.AssembleContextAsync(new ContextRequest { Prompt = "x", Session = "nope" }, Ct));

        Assert.Equal(MnemoErrorCode.NotFound, error.ErrorCode);
        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssembleContext_UnknownTokenizer_IsInvalidInputListingTheNames()
    {
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.AssembleContextAsync(new ContextRequest { Prompt = "x", Tokenizer = "gpt-17" }, Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("gpt-17", error.Message, StringComparison.Ordinal);
        Assert.Contains(TokenCounters.Cl100kBase, error.Message, StringComparison.Ordinal);
        Assert.Contains(TokenCounters.O200kBase, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task AssembleContext_BudgetNotPositive_IsInvalidInputNamingIt(int budget)
    {
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.AssembleContextAsync(new ContextRequest { Prompt = "x", Budget = budget }, Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains($"budget {budget} ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssembleContext_BudgetBelowThePinnedEntries_NamesEverySize()
    {
        await StoreAsync("pinned/style", "Answer in one short paragraph, and cite the entries you use.");
        await StoreAsync("notes/rule", "Never deploy on a Friday afternoon.");
        var counter = TokenCounters.BuiltIn.Default;

        var error = await Assert.ThrowsAsync<MnemoException>(() =>
            Engine.AssembleContextAsync(new ContextRequest { Prompt = "x", Budget = 10, Pinned = ["notes/rule"] }, Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("budget of 10 tokens", error.Message, StringComparison.Ordinal);
        Assert.Contains($"pinned/style: {counter.CountTokens("Answer in one short paragraph, and cite the entries you use.")}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"notes/rule: {counter.CountTokens("Never deploy on a Friday afternoon.")}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssembleContext_NamedStateNeverSaved_IsNotFoundNamingIt()
    {
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.AssembleContextAsync(new ContextRequest { Prompt = "x", State = "plan" }, Ct));

        Assert.Equal(MnemoErrorCode.NotFound, error.ErrorCode);
        Assert.Contains("'plan'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssembleContext_SessionWithAStateOfItsName_IncludesIt_AndWithoutOne_HasNoStateSection()
    {
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);
        await Engine.StartSessionAsync("chat-2", cancellationToken: Ct);
        await Engine.SaveStateAsync("chat-1", Json("""{"phase":"reviewing","step":3}"""), cancellationToken: Ct);

        var withState = await Engine.AssembleContextAsync(new ContextRequest { Prompt = "x", Session = "chat-1" }, Ct);
        var without = await Engine.AssembleContextAsync(new ContextRequest { Prompt = "x", Session = "chat-2" }, Ct);

        var state = Assert.Single(withState.Section(ContextSectionKind.State)!.Items);
        Assert.Equal(MnemoEngine.StateKey("chat-1"), state.Key);
        Assert.Contains("reviewing", state.Text, StringComparison.Ordinal);
        Assert.Null(without.Section(ContextSectionKind.State));
    }

    [Fact]
    public async Task AssembleContext_BookkeepingEntries_AreNeverMemories()
    {
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);
        await Engine.SaveStateAsync("chat-1", Json("""{"phase":"session chat-1"}"""), cancellationToken: Ct);
        await Engine.SaveStateAsync("other", Json("""{"phase":"session chat-1"}"""), cancellationToken: Ct);
        await StoreAsync("notes/session", "The session chat-1 is about the session planning.");

        var context = await Engine.AssembleContextAsync(new ContextRequest { Prompt = "session chat-1", MaxMemories = 50 }, Ct);

        var keys = (context.Section(ContextSectionKind.Memories)?.Items.Select(item => item.Key) ?? []).Concat(context.LeftOut.Select(omission => omission.Key)).ToList();
        Assert.Contains("notes/session", keys);
        Assert.DoesNotContain(keys, key => key.StartsWith(MnemoEngine.StatePrefix, StringComparison.Ordinal) || SessionKeys.IsMeta(key));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public async Task AssembleContext_RecentShareOutsideZeroToOne_IsInvalidInput(double share)
    {
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.AssembleContextAsync(new ContextRequest { Prompt = "x", RecentShare = share }, Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
    }

    [Fact]
    public async Task AssembleContext_SessionPins_JoinTheGlobalOnes_OnlyForThatSession()
    {
        await StoreAsync("pinned/style", "Answer briefly.");
        await StoreAsync("sessions/chat-1/pinned/goal", "Ship the billing fix today.");
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);
        await Engine.StartSessionAsync("chat-2", cancellationToken: Ct);

        var one = await Engine.AssembleContextAsync(new ContextRequest { Prompt = "x", Session = "chat-1", MaxMemories = 0 }, Ct);
        var two = await Engine.AssembleContextAsync(new ContextRequest { Prompt = "x", Session = "chat-2", MaxMemories = 0 }, Ct);

        Assert.Equal(["pinned/style", "sessions/chat-1/pinned/goal"], one.Section(ContextSectionKind.Pinned)!.Items.Select(item => item.Key));
        Assert.Equal(["pinned/style"], two.Section(ContextSectionKind.Pinned)!.Items.Select(item => item.Key));
    }

    [Fact]
    public async Task AssembleContext_RecalledToolResult_ComesWithItsCall_AndIsNeverCut()
    {
        await Engine.StartSessionAsync("chat-1", cancellationToken: Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.Assistant, "lookup_invoice(number=8812)", "call-1", Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.Tool, "Invoice 8812 was paid by Contoso on March 3. The amount was 1,200 euros.", "call-1", Ct);

        var context = await Engine.AssembleContextAsync(new ContextRequest { Prompt = "invoice 8812 Contoso paid", Prefix = "sessions/" }, Ct);

        var item = Assert.Single(context.Section(ContextSectionKind.Memories)!.Items);
        Assert.Contains("assistant (tool call call-1): lookup_invoice(number=8812)", item.Text, StringComparison.Ordinal);
        Assert.Contains("tool (result of call-1): Invoice 8812 was paid", item.Text, StringComparison.Ordinal);
        Assert.False(item.Cut);
    }

    [Fact]
    public async Task AssembleContext_ResultArrivingAfterTheWindowDroppedItsCall_ShowsTheCallWithIt()
    {
        await Engine.StartSessionAsync("chat-1", window: new SessionWindow(30, 1), cancellationToken: Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.User, "Please export the quarterly report.", cancellationToken: Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.Assistant, "export_report(quarter=3)", "call-1", Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.User, "While that runs: who approved the third quarter budget for the billing team last month, and was it signed before or after the audit started in September?", cancellationToken: Ct);
        await Engine.AddMessageAsync("chat-1", MessageRole.Tool, "report-q3.pdf", "call-1", Ct);
        var session = (await Engine.GetSessionAsync("chat-1", Ct))!;

        var context = await Engine.AssembleContextAsync(new ContextRequest { Prompt = "report", Session = "chat-1", MaxMemories = 0 }, Ct);

        Assert.True(session.WindowStart > 2, $"the window starts at {session.WindowStart}: the case needs it past the call");
        var keys = context.Section(ContextSectionKind.Recent)!.Items.Select(item => item.Key).ToList();
        Assert.Contains(SessionKeys.Message("chat-1", 4), keys);
        Assert.Contains(SessionKeys.Message("chat-1", 2), keys);
    }

    [Fact]
    public async Task AssembleContext_RandomSessionsAndBudgets_NeverOverBudget_NeverSplitsAToolCall_AlwaysHasThePins()
    {
        var random = new Random(2016);
        await StoreAsync("pinned/style", "Answer briefly.");
        await StoreAsync("pinned/user", "The user is called Ada and works on billing.");
        var (threw, packed, withTools) = (0, 0, 0);
        for (var i = 0; i < 10; i++)
        {
            var session = $"s{i}";
            var tokenizer = random.Next(2) == 0 ? TokenCounters.Cl100kBase : TokenCounters.O200kBase;
            var size = random.Next(40, 400);
            await Engine.StartSessionAsync(session, tokenizer, new SessionWindow(size, random.Next(0, size / 2)), Ct);
            if (random.Next(2) == 0)
            {
                await StoreAsync($"sessions/{session}/pinned/goal", $"Goal of {session}: {Tests.Tokens.TokenTexts.Random(random, 8).Trim()}");
            }

            await Tests.Conversations.WindowTests.AddRandomTurnsAsync(Engine, session, random, random.Next(5, 25), Ct);
            var messages = await Engine.GetMessagesAsync(session, cancellationToken: Ct);
            var groups = TurnGroups.Group(messages);
            withTools += groups.Count(group => group.Count > 1);
            var pins = (await Engine.ListAsync("pinned/", cancellationToken: Ct)).Entries
                .Concat((await Engine.ListAsync($"sessions/{session}/pinned/", cancellationToken: Ct)).Entries)
                .ToList();
            var counter = TokenCounters.BuiltIn.Get(tokenizer);
            var pinnedSection = counter.CountTokens("## Pinned\n" + string.Join("\n", pins.Select(pin => $"[{pin.Key}] {pin.Text}")));

            for (var b = 0; b < 4; b++)
            {
                var budget = random.Next(3) == 0 ? random.Next(1, 40) : random.Next(40, 1500);
                var why = $"session {session} ({tokenizer}), budget {budget}";
                var request = new ContextRequest { Prompt = Tests.Tokens.TokenTexts.Random(random, 4), Session = session, Budget = budget, RecentShare = random.NextDouble() };
                AssembledContext context;
                try
                {
                    context = await Engine.AssembleContextAsync(request, Ct);
                }
                catch (MnemoException e) when (e.ErrorCode == MnemoErrorCode.InvalidInput)
                {
                    Assert.True(pinnedSection > budget, $"{why}: {e.Message}");
                    threw++;
                    continue;
                }

                packed++;
                Assert.Equal(counter.CountTokens(context.Text), context.Tokens);
                Assert.True(context.Tokens <= budget, $"{why}: {context.Tokens} tokens");
                Assert.Equal(tokenizer, context.Tokenizer);
                Assert.Equal(pins.Select(pin => pin.Key), context.Section(ContextSectionKind.Pinned)!.Items.Select(item => item.Key));
                var recent = (context.Section(ContextSectionKind.Recent)?.Items.Select(item => item.Key) ?? []).ToHashSet(StringComparer.Ordinal);
                foreach (var group in groups)
                {
                    var present = group.Count(message => recent.Contains(SessionKeys.Message(session, message.Sequence)));
                    Assert.True(present == 0 || present == group.Count, $"{why}: {present} of the {group.Count} turns from {group[0].Sequence} are in the context");
                }
            }
        }

        Assert.True(threw > 0 && packed > 0 && withTools > 0, $"threw {threw}, packed {packed}, tool calls {withTools}");
    }

    private Task<StoreOutcome> StoreAsync(string key, string text) => Engine.StoreAsync(new MemoryWrite { Key = key, Text = text }, Ct);

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
