using System.Text.Json;
using Mnemo.Core.Context;
using Mnemo.Core.Conversations;
using Mnemo.Core.Errors;
using Mnemo.Core.Tokens;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>Entries under this namespace are pinned: in every context.</summary>
    public const string PinnedPrefix = "pinned/";

    /// <summary>
    /// Assembles the context to send with a prompt, never over the request's token budget counted with its tokenizer:
    /// the pinned entries and the session's state, then the memories that best match the prompt (hybrid search,
    /// near-duplicates collapsed, a memory too long for what is left cut to its sentences that best match the prompt) and the session's most
    /// recent turns (within its window, whole: a tool call always with its results). The report gives each section's
    /// tokens, each item's score, and what was left out and why.
    /// </summary>
    /// <param name="request">The prompt, the budget and what else to include.</param>
    /// <param name="cancellationToken">Cancels the assembly.</param>
    /// <exception cref="MnemoException">
    /// <see cref="MnemoErrorCode.InvalidInput"/>: the budget is below the pinned entries' tokens (the message names each
    /// one's size), not positive, or the tokenizer is unknown; <see cref="MnemoErrorCode.NotFound"/>: the session, a
    /// named pinned entry or the named state does not exist.
    /// </exception>
    public async Task<AssembledContext> AssembleContextAsync(ContextRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Prompt);
        if (request.Budget < 1)
        {
            throw MnemoErrors.BadBudget(request.Budget);
        }

        if (request.RecentShare is not (>= 0 and <= 1))
        {
            throw MnemoErrors.BadRecentShare(request.RecentShare);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(request.MaxMemories);
        ThrowIfDisposed();
        var meta = request.Session is { } session ? (await ReadSessionMetaAsync(session, cancellationToken).ConfigureAwait(false)).Meta : null;
        var counter = TokenCounters.BuiltIn.Get(request.Tokenizer ?? meta?.Tokenizer ?? TokenCounters.DefaultName);

        var pinned = await PinnedPiecesAsync(request, cancellationToken).ConfigureAwait(false);
        var (state, stateHeading) = await StatePieceAsync(request, cancellationToken).ConfigureAwait(false);
        var recent = request.Session is { } id ? TurnUnits(await WindowTurnsAsync(id, meta!, cancellationToken).ConfigureAwait(false)) : [];
        var memories = await MemoryPiecesAsync(request, cancellationToken).ConfigureAwait(false);
        var candidates = new ContextCandidates(pinned, state, stateHeading, memories, recent) { PromptWords = RelevantCut.QueryWords(request.Prompt) };
        return ContextPacker.Pack(candidates, counter, request.Budget, request.RecentShare);
    }

    /// <summary>
    /// The turns of the session's window, from further back when a result in it answers a call the window already
    /// dropped (a result that came late, after the window slid): the call comes back with it, never the result alone.
    /// </summary>
    private async Task<IReadOnlyList<SessionMessage>> WindowTurnsAsync(string session, SessionMeta meta, CancellationToken cancellationToken)
    {
        var window = await ListMessagesAsync(session, meta.WindowStart - 1, int.MaxValue, cancellationToken).ConfigureAwait(false);
        var calls = window.Where(message => message.Role == MessageRole.Assistant && message.ToolCallId is not null)
            .Select(message => message.ToolCallId!)
            .ToHashSet(StringComparer.Ordinal);
        var orphans = window.Where(message => message.Role == MessageRole.Tool && message.ToolCallId is { } call && !calls.Contains(call))
            .Select(message => message.ToolCallId!)
            .ToHashSet(StringComparer.Ordinal);
        if (orphans.Count == 0)
        {
            return window;
        }

        var earlier = await ListMessagesAsync(session, 0, (int)Math.Max(0, meta.WindowStart - 1), cancellationToken).ConfigureAwait(false);
        var from = earlier.FirstOrDefault(message => message.Role == MessageRole.Assistant && message.ToolCallId is { } call && orphans.Contains(call))?.Sequence;
        return from is { } first ? [.. earlier.Where(message => message.Sequence >= first), .. window] : window;
    }

    private async Task<List<ContextPiece>> PinnedPiecesAsync(ContextRequest request, CancellationToken cancellationToken)
    {
        var pieces = new List<ContextPiece>();
        var prefixes = request.Session is { } session ? [PinnedPrefix, $"{SessionKeys.Root}{session}/{PinnedPrefix}"] : new[] { PinnedPrefix };
        foreach (var prefix in prefixes)
        {
            try
            {
                await foreach (var entry in ListAllAsync(prefix, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    pieces.Add(new ContextPiece(entry.Key, EntryText(entry)));
                }
            }
            catch (MnemoException e) when (e.ErrorCode == MnemoErrorCode.AccessDenied)
            {
                // Pins the caller may not read are not its pins.
            }
        }

        foreach (var key in request.Pinned.Where(key => !pieces.Exists(piece => piece.Key == key)))
        {
            var entry = await GetAsync(key, cancellationToken).ConfigureAwait(false) ?? throw MnemoErrors.MissingPinned(key);
            pieces.Add(new ContextPiece(entry.Key, EntryText(entry)));
        }

        return pieces;
    }

    private async Task<(ContextPiece? Piece, string Heading)> StatePieceAsync(ContextRequest request, CancellationToken cancellationToken)
    {
        var name = request.State ?? request.Session;
        if (name is null)
        {
            return (null, "");
        }

        var state = await GetStateAsync(name, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return request.State is null ? (null, "") : throw MnemoErrors.MissingContextState(name);
        }

        return (new ContextPiece(StateKey(name), state.Document.GetRawText()), $"## State {name} (version {state.Version})");
    }

    private async Task<List<ContextPiece>> MemoryPiecesAsync(ContextRequest request, CancellationToken cancellationToken)
    {
        if (request.MaxMemories == 0)
        {
            return [];
        }

        var hits = await SearchAsync(request.Prompt, new SearchFilter { Prefix = request.Prefix, Limit = request.MaxMemories }, cancellationToken)
            .ConfigureAwait(false);
        var pieces = new List<ContextPiece>();
        foreach (var hit in hits.Where(hit => !IsBookkeeping(hit.Entry.Key)))
        {
            var score = Math.Round(hit.Score, 4);
            if (SessionKeys.ParseMessage(hit.Entry.Key) is not { } place)
            {
                pieces.Add(new ContextPiece(hit.Entry.Key, EntryText(hit.Entry), score));
                continue;
            }

            // A turn is recalled as the session shows it, and a tool call with its results, never one without the other.
            var message = ReadMessage(place.Session, hit.Entry);
            var unit = message.ToolCallId is null ? null : await ToolUnitAsync(message, cancellationToken).ConfigureAwait(false);
            pieces.Add(unit is null || unit.Turns.Count == 1
                ? new ContextPiece(hit.Entry.Key, TurnText(message), score)
                : new ContextPiece(hit.Entry.Key, string.Join("\n", unit.Turns.Select(turn => turn.Text)), score)
                {
                    Covers = [.. unit.Turns.Select(turn => turn.Key)],
                    Cuttable = false,
                });
        }

        return pieces;
    }

    /// <summary>
    /// The unit of a tool call or result: read from the turns around it (a call and its results are rarely far apart),
    /// not the whole session, so that recalling one turn of a long session stays cheap.
    /// </summary>
    private async Task<TurnUnit?> ToolUnitAsync(SessionMessage message, CancellationToken cancellationToken)
    {
        const int Around = 50;
        var nearby = await ListMessagesAsync(message.Session, Math.Max(0, message.Sequence - Around - 1), (2 * Around) + 1, cancellationToken)
            .ConfigureAwait(false);
        var key = SessionKeys.Message(message.Session, message.Sequence);
        return TurnUnits(nearby).FirstOrDefault(unit => unit.Turns.Any(turn => turn.Key == key));
    }

    /// <summary>Entries that keep sessions and states rather than say something: never memories of a context.</summary>
    private static bool IsBookkeeping(string key) =>
        key.StartsWith(StatePrefix, StringComparison.Ordinal)
        || key.StartsWith(StateRulesPrefix, StringComparison.Ordinal)
        || SessionKeys.IsMeta(key);

    /// <summary>The turns of a session as the units a context takes or leaves whole (<see cref="TurnGroups"/>).</summary>
    private static List<TurnUnit> TurnUnits(IReadOnlyList<SessionMessage> messages) =>
        [.. TurnGroups.Group(messages).Select(group => new TurnUnit(
            [.. group.Select(message => new ContextPiece(SessionKeys.Message(message.Session, message.Sequence), TurnText(message)))]))];

    /// <summary>A turn as a context shows it: who said it (and which tool call it makes or answers), then what was said.</summary>
    private static string TurnText(SessionMessage message) => (message.Role, message.ToolCallId) switch
    {
        (MessageRole.Assistant, { } call) => $"assistant (tool call {call}): {message.Text}",
        (MessageRole.Tool, { } call) => $"tool (result of {call}): {message.Text}",
        _ => $"{MessageRoles.Name(message.Role)}: {message.Text}",
    };

    /// <summary>What an entry says: its text, or its JSON value when it has no text.</summary>
    private static string EntryText(MemoryEntry entry) =>
        entry.Text.Length > 0 || entry.Value is not { ValueKind: not JsonValueKind.Undefined } value ? entry.Text : value.GetRawText();
}
