using Mnemo.Core.Context;
using Mnemo.Core.Tests.Tokens;
using Mnemo.Core.Tokens;

namespace Mnemo.Core.Tests.Context;

/// <summary>
/// The issue's property check on the packer itself: random candidates, budgets, tokenizers and shares, and every
/// invariant a context must keep, checked on each result.
/// </summary>
[Trait("Issue", "16")]
public sealed class ContextPackerPropertyTests
{
    private const int Cases = 300;
    private const string StateHeading = "## State plan (version 3)";

    private static readonly string[] s_tokenizers = [TokenCounters.Cl100kBase, TokenCounters.O200kBase];

    [Fact]
    public void Pack_RandomCandidates_NeverOverBudget_NeverSplitsAUnit_KeepsPins_AndLosesNoMemory()
    {
        var random = new Random(1616);
        var (threw, cut, relevantCuts, duplicates, packed) = (0, 0, 0, 0, 0);
        for (var i = 0; i < Cases; i++)
        {
            var counter = TokenCounters.BuiltIn.Get(s_tokenizers[random.Next(s_tokenizers.Length)]);
            var candidates = RandomCandidates(random);
            var budget = RandomBudget(random);
            var share = random.NextDouble();
            var why = $"case {i} ({counter.Name}, budget {budget}, share {share:0.###})";
            var pinnedSection = candidates.Pinned.Count == 0
                ? 0
                : counter.CountTokens("## Pinned\n" + string.Join("\n", candidates.Pinned.Select(piece => $"[{piece.Key}] {piece.Text}")));

            AssembledContext context;
            try
            {
                context = ContextPacker.Pack(candidates, counter, budget, share);
            }
            catch (MnemoException e)
            {
                Assert.Equal(MnemoErrorCode.InvalidInput, e.ErrorCode);
                Assert.True(pinnedSection > budget, $"{why}: threw although the pinned section ({pinnedSection}) fits: {e.Message}");
                Assert.Contains($"budget of {budget} tokens", e.Message, StringComparison.Ordinal);
                Assert.Contains($"the {pinnedSection} tokens", e.Message, StringComparison.Ordinal);
                foreach (var piece in candidates.Pinned)
                {
                    Assert.Contains($"{piece.Key}: {counter.CountTokens(piece.Text)}", e.Message, StringComparison.Ordinal);
                }

                threw++;
                continue;
            }

            Assert.True(pinnedSection <= budget, $"{why}: the pinned section alone ({pinnedSection}) is over the budget, yet no error");
            CheckContext(candidates, counter, budget, context, why);
            Assert.Equal(context.Text, ContextPacker.Pack(candidates, counter, budget, share).Text);
            packed++;
            cut += context.Section(ContextSectionKind.Memories)?.Items.Count(item => item.Cut) ?? 0;
            relevantCuts += context.Section(ContextSectionKind.Memories)?.Items.Count(item => item.Cut && item.Text.Contains(" … ", StringComparison.Ordinal)) ?? 0;
            duplicates += context.LeftOut.Count(omission => omission.Reason == OmissionReason.NearDuplicate);
        }

        // The cases reach every path: errors, packs, cut memories and collapsed duplicates.
        Assert.InRange(threw, 1, Cases / 2);
        Assert.True(packed > Cases / 2);
        Assert.True(cut > 0, "no memory was ever cut");
        Assert.True(relevantCuts > 0, "no memory was ever cut to the sentences that match the prompt");
        Assert.True(duplicates > 0, "no near-duplicate was ever collapsed");
    }

    private static void CheckContext(ContextCandidates candidates, ITokenCounter counter, int budget, AssembledContext context, string why)
    {
        // Never over the budget, counted whole with the same tokenizer.
        Assert.Equal(counter.CountTokens(context.Text), context.Tokens);
        Assert.True(context.Tokens <= budget, $"{why}: {context.Tokens} tokens");
        Assert.Equal(budget, context.Budget);
        Assert.Equal(counter.Name, context.Tokenizer);

        // The sections in order, non-empty, and the text exactly their headings and items.
        var kinds = context.Sections.Select(section => section.Kind).ToList();
        Assert.Equal(kinds.Order(), kinds);
        Assert.Equal(kinds.Distinct().Count(), kinds.Count);
        Assert.All(context.Sections, section => Assert.NotEmpty(section.Items));
        Assert.Equal(string.Join("\n\n", context.Sections.Select(section => Heading(section.Kind) + "\n" + string.Join("\n", section.Items.Select(item => item.Text)))),
            context.Text);
        Assert.All(context.Sections.SelectMany(section => section.Items), item => Assert.Equal(counter.CountTokens(item.Text), item.Tokens));

        // Every pinned entry, in order.
        Assert.Equal(candidates.Pinned.Select(piece => piece.Key), Keys(context, ContextSectionKind.Pinned));

        // The state: in the context or reported left out.
        if (candidates.State is { } state)
        {
            var inContext = context.Section(ContextSectionKind.State) is not null;
            var leftOut = context.LeftOut.Any(omission => omission.Kind == ContextSectionKind.State && omission.Key == state.Key);
            Assert.True(inContext ^ leftOut, $"{why}: the state is in the context: {inContext}, left out: {leftOut}");
        }

        CheckTurns(candidates, context, why);
        CheckMemories(candidates, context, why);

        // A near-duplicate names an item the context holds.
        var keys = context.Sections.SelectMany(section => section.Items).Select(item => item.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var omission in context.LeftOut.Where(omission => omission.Reason == OmissionReason.NearDuplicate))
        {
            Assert.True(omission.DuplicateOf is { } kept && keys.Contains(kept), $"{why}: {omission.Key} repeats {omission.DuplicateOf}, which the context does not hold");
        }
    }

    private static void CheckTurns(ContextCandidates candidates, AssembledContext context, string why)
    {
        var recent = Keys(context, ContextSectionKind.Recent);
        var inRecent = recent.ToHashSet(StringComparer.Ordinal);

        // Oldest first: turn keys number the turns.
        Assert.Equal(recent.Order(StringComparer.Ordinal), recent);

        // Each unit all in or all out.
        foreach (var unit in candidates.Recent)
        {
            var present = unit.Turns.Count(turn => inRecent.Contains(turn.Key));
            Assert.True(present == 0 || present == unit.Turns.Count,
                $"{why}: {present} of the {unit.Turns.Count} turns of the unit at {unit.Turns[0].Key} are in the context");
        }

        // The latest ones: among the units no memory stands for, those in the context are the newest.
        var memoryCovered = candidates.Memories.SelectMany(memory => memory.Covers).ToHashSet(StringComparer.Ordinal);
        var units = candidates.Recent.Where(unit => !unit.Turns.Any(turn => memoryCovered.Contains(turn.Key))).ToList();
        var included = units.Select(unit => inRecent.Contains(unit.Turns[0].Key)).ToList();
        var firstIn = included.IndexOf(true);
        Assert.True(firstIn < 0 || included.Skip(firstIn).All(inside => inside), $"{why}: the turns in the context are not the latest ones");
    }

    private static void CheckMemories(ContextCandidates candidates, AssembledContext context, string why)
    {
        var items = context.Section(ContextSectionKind.Memories)?.Items ?? [];
        foreach (var memory in candidates.Memories)
        {
            var item = items.SingleOrDefault(item => item.Key == memory.Key);
            var omissions = context.LeftOut.Count(omission => omission.Kind == ContextSectionKind.Memories && omission.Key == memory.Key);
            Assert.True((item is null ? 0 : 1) + omissions == 1, $"{why}: memory {memory.Key} is in the context: {item is not null}, left out {omissions} times");
            if (item is null)
            {
                continue;
            }

            Assert.Equal(memory.Score, item.Score);
            var prefix = $"[{memory.Key}] ";
            Assert.StartsWith(prefix, item.Text, StringComparison.Ordinal);
            var text = item.Text[prefix.Length..];
            if (!item.Cut)
            {
                Assert.Equal(memory.Text, text);
                continue;
            }

            Assert.True(memory.Cuttable, $"{why}: {memory.Key} may not be cut");
            Assert.True(IsSentencePrefix(memory.Text, text) || IsEllipsisPrefix(memory.Text, text) || IsRunsOfSentences(memory.Text, text),
                $"{why}: '{text}' is not a cut of '{memory.Text}'");
        }

        // Best first, as the candidates came.
        var order = candidates.Memories.Select(memory => memory.Key).ToList();
        var placed = items.Select(item => order.IndexOf(item.Key)).ToList();
        Assert.Equal(placed.Order(), placed);
    }

    /// <summary>Whether <paramref name="cut"/> is the text up to the end of one of its sentences.</summary>
    private static bool IsSentencePrefix(string text, string cut) =>
        cut.Length > 0 && cut.Length < text.Length && text.StartsWith(cut, StringComparison.Ordinal)
        && char.IsWhiteSpace(text[cut.Length])
        && (cut[^1] is '.' or '!' or '?' or '"' or '\'' or ')' or ']' or '”' or '’' or '»' || text[cut.Length] is '\n' or '\r');

    /// <summary>Whether <paramref name="cut"/> is runs of the text's sentences in order, "…" marking each gap (<see cref="RelevantCut"/>).</summary>
    private static bool IsRunsOfSentences(string text, string cut)
    {
        var sentences = Sentences.Split(text);
        var position = 0;
        foreach (var run in cut.Trim('…', ' ').Split(" … "))
        {
            position = text.IndexOf(run, position, StringComparison.Ordinal);
            if (run.Length == 0 || position < 0 || !sentences.Any(sentence => run.StartsWith(sentence, StringComparison.Ordinal))
                || !sentences.Any(sentence => run.EndsWith(sentence, StringComparison.Ordinal)))
            {
                return false;
            }

            position += run.Length;
        }

        return cut.Contains('…', StringComparison.Ordinal);
    }

    private static bool IsEllipsisPrefix(string text, string cut) =>
        cut.EndsWith(Sentences.Ellipsis, StringComparison.Ordinal) && cut.Length > Sentences.Ellipsis.Length
        && text.StartsWith(cut[..^Sentences.Ellipsis.Length], StringComparison.Ordinal);

    private static List<string> Keys(AssembledContext context, ContextSectionKind kind) =>
        [.. context.Section(kind)?.Items.Select(item => item.Key) ?? []];

    private static string Heading(ContextSectionKind kind) => kind switch
    {
        ContextSectionKind.Pinned => "## Pinned",
        ContextSectionKind.State => StateHeading,
        ContextSectionKind.Memories => "## Memories",
        _ => "## Recent turns",
    };

    private static int RandomBudget(Random random) => random.Next(4) switch
    {
        0 => random.Next(1, 40),
        1 => random.Next(40, 300),
        2 => random.Next(300, 2000),
        _ => random.Next(2000, 8000),
    };

    private static ContextCandidates RandomCandidates(Random random)
    {
        var pinned = Enumerable.Range(0, random.Next(3) == 0 ? 0 : random.Next(1, 4))
            .Select(i => new ContextPiece($"pinned/p{i}", Text(random, 1, 20)))
            .ToList();
        var state = random.Next(2) == 0 ? null : new ContextPiece("states/plan", $"{{\"phase\":\"executing\",\"step\":{random.Next(100)},\"note\":\"{Text(random, 1, 10).Replace("\"", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal)}\"}}");

        var units = new List<TurnUnit>();
        var sequence = 0;
        for (var count = random.Next(0, 25); units.Count < count;)
        {
            units.Add(random.Next(4) == 0 ? ToolCall(random, ref sequence) : new TurnUnit([Turn(++sequence, random.Next(2) == 0 ? "user" : "assistant", Text(random, 1, 40))]));
        }

        var memories = new List<ContextPiece>();
        var usedUnits = new HashSet<int>();
        var score = 1.0;
        for (var count = random.Next(0, 12); memories.Count < count;)
        {
            score = Math.Round(score * (0.7 + (0.3 * random.NextDouble())), 4);
            var kind = random.Next(10);
            if (kind < 2 && memories.Count > 0)
            {
                // Nearly what another memory says.
                var other = memories[random.Next(memories.Count)];
                memories.Add(new ContextPiece($"notes/m{memories.Count}", other.Text + (random.Next(2) == 0 ? "" : " indeed"), score));
            }
            else if (kind == 2 && units.Count > 0 && random.Next(units.Count) is var recalled && usedUnits.Add(recalled))
            {
                // A recalled turn of the session: it stands for its whole unit.
                var unit = units[recalled];
                memories.Add(new ContextPiece(unit.Turns[0].Key, string.Join("\n", unit.Turns.Select(turn => turn.Text)), score)
                {
                    Covers = [.. unit.Turns.Select(turn => turn.Key)],
                    Cuttable = unit.Turns.Count == 1,
                });
            }
            else
            {
                memories.Add(new ContextPiece($"notes/m{memories.Count}", Text(random, 1, random.Next(3) == 0 ? 400 : 60), score));
            }
        }

        // Half the cases have a prompt, so that a memory cut to fit keeps the sentences with its words.
        var prompt = random.Next(2) == 0 ? "" : Text(random, 1, 8);
        return new ContextCandidates(pinned, state, StateHeading, memories, units) { PromptWords = RelevantCut.QueryWords(prompt) };
    }

    private static TurnUnit ToolCall(Random random, ref int sequence)
    {
        var call = $"call-{sequence + 1}";
        var turns = new List<ContextPiece> { Turn(++sequence, $"assistant (tool call {call})", Text(random, 1, 10)) };
        for (var results = random.Next(1, 4); results > 0; results--)
        {
            turns.Add(Turn(++sequence, $"tool (result of {call})", Text(random, 1, 30)));
        }

        return new TurnUnit(turns);
    }

    private static ContextPiece Turn(int sequence, string speaker, string text) =>
        new($"sessions/s/messages/{sequence:D8}", $"{speaker}: {text}");

    private static string Text(Random random, int min, int max) => TokenTexts.Random(random, random.Next(min, max + 1)).Trim();
}
