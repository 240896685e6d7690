using Mnemo.Core.Conversations;
using Mnemo.Core.Tokens;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    // A compaction gets an eighth of the tokens it replaces, within these bounds: enough for the facts of a few turns,
    // little enough to be worth recalling instead of the turns.
    private const int MinCompactionTokens = 32;
    private const int MaxCompactionTokens = 512;

    /// <summary>The compactions of a session's window, oldest first.</summary>
    /// <exception cref="MnemoException">No such session (<see cref="MnemoErrorCode.NotFound"/>).</exception>
    public async Task<IReadOnlyList<SessionCompaction>> GetCompactionsAsync(string session, CancellationToken cancellationToken = default)
    {
        await ReadSessionMetaAsync(session, cancellationToken).ConfigureAwait(false);
        var compactions = new List<SessionCompaction>();
        await foreach (var entry in ListAllAsync(SessionKeys.Compactions(session), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            compactions.Add(SessionCompaction.Read(session, entry));
        }

        return compactions;
    }

    /// <summary>
    /// The session's counts after <paramref name="message"/>, with its window slid when the message overflows it or the
    /// window expired, and then the compaction of the turns the window dropped, to be written with the message.
    /// </summary>
    private async Task<(SessionMeta Meta, MemoryWrite? Compaction)> AdvanceWindowAsync(
        string session, SessionMeta meta, SessionMessage message, ITokenCounter counter, CancellationToken cancellationToken)
    {
        var counted = meta with { Messages = message.Sequence, Tokens = meta.Tokens + message.Tokens, LastMessage = message.Time };
        var grown = counted with { WindowTokens = meta.WindowTokens + message.Tokens };
        var expired = meta.LastMessage is { } last && message.Time - last > _options.WindowExpiry;
        if (meta.WindowStart > meta.Messages || (!expired && grown.WindowTokens <= meta.Window.MaxTokens))
        {
            return (grown, null);
        }

        var inWindow = await ListMessagesAsync(session, meta.WindowStart - 1, int.MaxValue, cancellationToken).ConfigureAwait(false);
        var groups = TurnGroups.Group([.. inWindow, message]);

        // The group with the new message stays; before it, whole groups while they fit in the overlap (none after a pause).
        var overlap = expired ? 0 : meta.Window.Overlap;
        var keepFrom = groups.Count - 1;
        var overlapTokens = 0;
        while (keepFrom > 0 && overlapTokens + groups[keepFrom - 1].Sum(turn => turn.Tokens) <= overlap)
        {
            keepFrom--;
            overlapTokens += groups[keepFrom].Sum(turn => turn.Tokens);
        }

        if (keepFrom == 0)
        {
            // One tool call with its results fills the window: it cannot be split, so the window grows past its size.
            return (grown, null);
        }

        var dropped = groups.Take(keepFrom).SelectMany(group => group).ToList();
        var kept = groups.Skip(keepFrom).SelectMany(group => group).ToList();
        var number = meta.Compactions + 1;
        var compaction = await CompactAsync(session, number, dropped, counter, cancellationToken).ConfigureAwait(false);
        return (counted with { WindowStart = kept[0].Sequence, WindowTokens = kept.Sum(turn => turn.Tokens), Compactions = number }, compaction);
    }

    private async Task<MemoryWrite> CompactAsync(
        string session, long number, List<SessionMessage> dropped, ITokenCounter counter, CancellationToken cancellationToken)
    {
        var droppedTokens = dropped.Sum(turn => turn.Tokens);
        var budget = Math.Clamp(droppedTokens / 8, MinCompactionTokens, MaxCompactionTokens);
        var compactor = _options.Compactor;
        string summary;
        string? fallback = null;
        try
        {
            summary = await compactor.CompactAsync(dropped, counter, budget, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && compactor is not ExtractiveCompactor)
        {
            // A summariser that calls a model can fail; the message is still added, compacted without it.
            fallback = $"{compactor.Name} failed: {e.Message}";
            compactor = ExtractiveCompactor.Instance;
            summary = await compactor.CompactAsync(dropped, counter, budget, cancellationToken).ConfigureAwait(false);
        }

        if (counter.CountTokens(summary) > budget)
        {
            summary = Sentences.CutAtSentences(summary, counter, budget);
        }

        var compaction = new SessionCompaction(session, number, dropped[0].Sequence, dropped[^1].Sequence, droppedTokens, summary,
            counter.CountTokens(summary), compactor.Name)
        { Fallback = fallback };
        return compaction.ToWrite();
    }
}
