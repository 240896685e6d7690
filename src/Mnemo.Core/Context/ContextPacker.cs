using Mnemo.Core.Errors;
using Mnemo.Core.Tokens;

namespace Mnemo.Core.Context;

/// <summary>
/// Fits a context's candidates into its token budget: pinned entries (all of them, or an error), the state if it fits,
/// then turns and memories sharing what is left. Deterministic: the same candidates give the same context.
/// </summary>
/// <remarks>
/// Each line is charged its own count with the line break before it, and a section's heading when the line opens it.
/// Tokenizers are nearly but not exactly additive, so the joined text is counted once more at the end and, while it is
/// over, the last turn or memory placed is taken out again: the result is never over the budget, counted whole with
/// the same tokenizer.
/// </remarks>
internal sealed class ContextPacker
{
    /// <summary>A memory is cut to fit only when at least this many tokens are left for it: less says too little.</summary>
    internal const int MinCutTokens = 16;

    private readonly ITokenCounter _counter;
    private readonly int _budget;
    private readonly string _stateHeading;
    private readonly IReadOnlySet<string> _promptWords;
    private readonly List<Placed> _placed = [];
    private readonly List<ContextOmission> _leftOut = [];
    private int _used;

    private ContextPacker(ITokenCounter counter, int budget, string stateHeading, IReadOnlySet<string> promptWords)
    {
        _promptWords = promptWords;
        _counter = counter;
        _budget = budget;
        _stateHeading = stateHeading;
    }

    /// <summary>Fits <paramref name="candidates"/> into <paramref name="budget"/> tokens by <paramref name="counter"/>.</summary>
    /// <param name="candidates">What the context may hold.</param>
    /// <param name="counter">The tokenizer of the budget.</param>
    /// <param name="budget">The most tokens the context may have.</param>
    /// <param name="recentShare">The share of what is left after pinned entries and state that turns get before memories.</param>
    /// <exception cref="MnemoException">The pinned entries alone are over the budget (<see cref="MnemoErrorCode.InvalidInput"/>).</exception>
    public static AssembledContext Pack(ContextCandidates candidates, ITokenCounter counter, int budget, double recentShare)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(counter);
        var packer = new ContextPacker(counter, budget, candidates.StateHeading, candidates.PromptWords);
        packer.PlacePinned(candidates.Pinned);
        if (candidates.State is { } state && !packer.TryPlace(ContextSectionKind.State, state, state.Text, cut: false, order: 0))
        {
            packer.LeaveOut(ContextSectionKind.State, state, OmissionReason.OverBudget);
        }

        var recentAllowance = packer._used + (int)Math.Floor((budget - packer._used) * recentShare);
        var newestFirst = candidates.Recent.Reverse().ToList();
        var nextUnit = packer.PlaceTurns(newestFirst, 0, recentAllowance);
        packer.PlaceMemories(candidates.Memories);
        packer.PlaceTurns(newestFirst, nextUnit, budget);
        packer.ReportTurnsLeftOut(newestFirst);
        return packer.Finish();
    }

    private void PlacePinned(IReadOnlyList<ContextPiece> pinned)
    {
        foreach (var piece in pinned)
        {
            var line = Line(ContextSectionKind.Pinned, piece.Key, piece.Text);
            Place(new Placed(ContextSectionKind.Pinned, piece, line, Charge(ContextSectionKind.Pinned, line), Cut: false, Order: 0));
        }

        if (pinned.Count > 0 && _counter.CountTokens(Render()) is var whole && whole > _budget)
        {
            throw MnemoErrors.BudgetBelowPinned(_budget, whole, [.. pinned.Select(piece => (piece.Key, _counter.CountTokens(piece.Text)))]);
        }
    }

    /// <summary>
    /// Places whole units of turns, newest first, from unit <paramref name="from"/> on while the total stays within
    /// <paramref name="upTo"/>; stops at the first that does not fit, so that the turns placed are the latest ones.
    /// </summary>
    /// <returns>The index of the first unit not placed.</returns>
    private int PlaceTurns(List<TurnUnit> newestFirst, int from, int upTo)
    {
        var covered = CoveredKeys();
        var index = from;
        for (; index < newestFirst.Count; index++)
        {
            var unit = newestFirst[index];
            if (unit.Turns.All(turn => covered.Contains(turn.Key)))
            {
                // Already in the context as a memory; the turns before it may still come.
                continue;
            }

            var cost = unit.Turns.Sum(turn => LineCost(turn.Text)) + (Has(ContextSectionKind.Recent) ? 0 : HeadingCost(ContextSectionKind.Recent));
            if (_used + cost > upTo)
            {
                break;
            }

            // The unit's cost goes on its first turn: a unit is placed and taken out whole.
            var charged = cost;
            foreach (var turn in unit.Turns)
            {
                Place(new Placed(ContextSectionKind.Recent, turn, turn.Text, charged, Cut: false, Order: -index));
                charged = 0;
            }
        }

        return index;
    }

    /// <summary>Reports the turns of the window that are neither among the recent turns nor recalled as memories.</summary>
    private void ReportTurnsLeftOut(List<TurnUnit> newestFirst)
    {
        var covered = CoveredKeys();
        foreach (var turn in newestFirst.SelectMany(unit => unit.Turns).Where(turn => !covered.Contains(turn.Key)))
        {
            LeaveOut(ContextSectionKind.Recent, turn, OmissionReason.OverBudget);
        }
    }

    private void PlaceMemories(IReadOnlyList<ContextPiece> memories)
    {
        var covered = CoveredKeys();
        var words = _placed.Select(placed => (placed.Piece.Key, Words: NearDuplicates.Words(placed.Piece.Text))).ToList();
        var order = 0;
        foreach (var memory in memories)
        {
            if (memory.Covers.Any(covered.Contains))
            {
                LeaveOut(ContextSectionKind.Memories, memory, OmissionReason.AlreadyIncluded);
                continue;
            }

            var memoryWords = NearDuplicates.Words(memory.Text);
            var repeated = words.FindIndex(other => NearDuplicates.Similar(memoryWords, other.Words));
            if (repeated >= 0)
            {
                LeaveOut(ContextSectionKind.Memories, memory, OmissionReason.NearDuplicate, words[repeated].Key);
                continue;
            }

            order++;
            if (TryPlace(ContextSectionKind.Memories, memory, memory.Text, cut: false, order) || (memory.Cuttable && TryPlaceCut(memory, order)))
            {
                words.Add((memory.Key, memoryWords));
                covered.UnionWith(memory.Covers);
            }
            else
            {
                LeaveOut(ContextSectionKind.Memories, memory, OmissionReason.OverBudget);
            }
        }
    }

    /// <summary>Places the piece if it fits in what is left; false otherwise (nothing placed).</summary>
    private bool TryPlace(ContextSectionKind kind, ContextPiece piece, string text, bool cut, int order)
    {
        var line = Line(kind, piece.Key, text);
        var cost = Charge(kind, line);
        if (_used + cost > _budget)
        {
            return false;
        }

        Place(new Placed(kind, piece, line, cost, cut, order));
        return true;
    }

    /// <summary>
    /// Places the sentences of a memory too long for what is left that best match the prompt (<see cref="RelevantCut"/>),
    /// if enough is left to say something.
    /// </summary>
    private bool TryPlaceCut(ContextPiece memory, int order)
    {
        var room = _budget - _used - Charge(ContextSectionKind.Memories, Line(ContextSectionKind.Memories, memory.Key, ""));
        if (room < MinCutTokens)
        {
            return false;
        }

        var cut = RelevantCut.Cut(memory.Text, _promptWords, _counter, room);
        return cut.Length > 0 && TryPlace(ContextSectionKind.Memories, memory, cut, cut: true, order);
    }

    /// <summary>Counts the joined text and, while it is over the budget, takes out the last turn unit, memory or state placed.</summary>
    private AssembledContext Finish()
    {
        var text = Render();
        var tokens = _counter.CountTokens(text);
        while (tokens > _budget)
        {
            var last = _placed[_placed.FindLastIndex(placed => placed.Kind != ContextSectionKind.Pinned)];
            foreach (var placed in _placed.Where(placed => placed.Kind == last.Kind && placed.Order == last.Order).ToList())
            {
                _placed.Remove(placed);
                LeaveOut(placed.Kind, placed.Piece, OmissionReason.OverBudget);
            }

            text = Render();
            tokens = _counter.CountTokens(text);
        }

        var sections = Sections()
            .Select(section => new ContextSection(section.Kind, _counter.CountTokens(RenderSection(section.Kind, section.Items)),
                [.. section.Items.Select(placed => new ContextItem(placed.Piece.Key, placed.Text, _counter.CountTokens(placed.Text), placed.Piece.Score, placed.Cut))]))
            .ToList();
        return new AssembledContext(text, tokens, _budget, _counter.Name, sections, _leftOut);
    }

    private string Render() => string.Join("\n\n", Sections().Select(section => RenderSection(section.Kind, section.Items)));

    private string RenderSection(ContextSectionKind kind, List<Placed> items) => Heading(kind) + "\n" + string.Join("\n", items.Select(item => item.Text));

    // The sections that hold something, in order; turns read oldest first, the rest in the order they were placed.
    private IEnumerable<(ContextSectionKind Kind, List<Placed> Items)> Sections() => Enum.GetValues<ContextSectionKind>()
        .Select(kind => (kind, _placed.Where(placed => placed.Kind == kind).OrderBy(placed => placed.Order).ToList()))
        .Where(section => section.Item2.Count > 0);

    private string Heading(ContextSectionKind kind) => kind switch
    {
        ContextSectionKind.Pinned => "## Pinned",
        ContextSectionKind.State => _stateHeading,
        ContextSectionKind.Memories => "## Memories",
        _ => "## Recent turns",
    };

    // Pinned entries and memories name their entry, so that an answer can cite it; turns and the state speak for themselves.
    private static string Line(ContextSectionKind kind, string key, string text) =>
        kind is ContextSectionKind.Pinned or ContextSectionKind.Memories ? $"[{key}] {text}" : text;

    /// <summary>What a line costs: its tokens with the break before it, and its section's heading when it opens the section.</summary>
    private int Charge(ContextSectionKind kind, string line) => LineCost(line) + (Has(kind) ? 0 : HeadingCost(kind));

    private int LineCost(string line) => _counter.CountTokens("\n" + line);

    private int HeadingCost(ContextSectionKind kind) => _counter.CountTokens("\n\n" + Heading(kind));

    private void Place(Placed placed)
    {
        _placed.Add(placed);
        _used += placed.Tokens;
    }

    private void LeaveOut(ContextSectionKind kind, ContextPiece piece, OmissionReason reason, string? duplicateOf = null) =>
        _leftOut.Add(new ContextOmission(kind, piece.Key, _counter.CountTokens(piece.Text), piece.Score, reason, duplicateOf));

    private bool Has(ContextSectionKind kind) => _placed.Exists(placed => placed.Kind == kind);

    private HashSet<string> CoveredKeys() => [.. _placed.SelectMany(placed => placed.Piece.Covers)];

    private sealed record Placed(ContextSectionKind Kind, ContextPiece Piece, string Text, int Tokens, bool Cut, int Order);
}
