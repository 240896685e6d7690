using Mnemo.Core.Conversations;
using Mnemo.Core.Entries;
using Mnemo.Core.Errors;
using Mnemo.Core.Tokens;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    // Concurrent writers of one session each retry the append after a version conflict on its meta entry; past this many
    // tries something is wrong rather than busy.
    private const int MaxAppendAttempts = 50;

    /// <summary>
    /// Starts a conversation session: an entry <c>sessions/ID/meta</c> that records its tokenizer and counts its
    /// messages and tokens.
    /// </summary>
    /// <param name="session">Its id: one key segment such as <c>chat-42</c>.</param>
    /// <param name="tokenizer">The tokenizer its messages are counted with (default <see cref="TokenCounters.DefaultName"/>).</param>
    /// <param name="window">Its sliding window (default <see cref="MnemoOptions.Window"/>).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentException">The id is not one key segment.</exception>
    /// <exception cref="MnemoException">
    /// The tokenizer is unknown, the window's overlap is not below its size, or the session exists (<see cref="MnemoErrorCode.InvalidInput"/>).
    /// </exception>
    public async Task<ConversationSession> StartSessionAsync(string session, string? tokenizer = null, SessionWindow? window = null,
        CancellationToken cancellationToken = default)
    {
        SessionKeys.ValidateId(session);
        var counter = TokenCounters.BuiltIn.Get(tokenizer ?? TokenCounters.DefaultName);
        var meta = new SessionMeta(counter.Name, null, 0, 0) { Window = (window ?? _options.Window).Validate() };
        try
        {
            var outcome = await StoreAsync(meta.ToWrite(session, expectedVersion: 0), cancellationToken).ConfigureAwait(false);
            return meta.ToSession(session, outcome.Entry.CreatedAt);
        }
        catch (MnemoConflictException)
        {
            throw MnemoErrors.SessionExists(session);
        }
    }

    /// <summary>A session, or null when none has that id.</summary>
    public async Task<ConversationSession?> GetSessionAsync(string session, CancellationToken cancellationToken = default)
    {
        SessionKeys.ValidateId(session);
        return await GetAsync(SessionKeys.Meta(session), cancellationToken).ConfigureAwait(false) is { } entry
            ? SessionMeta.From(entry).ToSession(session, entry.CreatedAt)
            : null;
    }

    /// <summary>The sessions there are, in id order.</summary>
    public async Task<IReadOnlyList<ConversationSession>> ListSessionsAsync(CancellationToken cancellationToken = default)
    {
        var sessions = new List<ConversationSession>();
        string? after = null;
        do
        {
            var page = await ListAsync(SessionKeys.Root, after, 1000, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page.Entries.Where(entry => entry.Key.EndsWith("/meta", StringComparison.Ordinal)))
            {
                var id = entry.Key[SessionKeys.Root.Length..^"/meta".Length];
                if (!id.Contains('/', StringComparison.Ordinal))
                {
                    sessions.Add(SessionMeta.From(entry).ToSession(id, entry.CreatedAt));
                }
            }

            after = page.NextAfter;
        }
        while (after is not null);

        return sessions;
    }

    /// <summary>Ends a session: it keeps its messages and takes no more.</summary>
    /// <exception cref="MnemoException">No such session (<see cref="MnemoErrorCode.NotFound"/>).</exception>
    public async Task<ConversationSession> EndSessionAsync(string session, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (entry, meta) = await ReadSessionMetaAsync(session, cancellationToken).ConfigureAwait(false);
            if (meta.Ended is not null)
            {
                return meta.ToSession(session, entry.CreatedAt);
            }

            var ended = meta with { Ended = Now() };
            try
            {
                await StoreAsync(ended.ToWrite(session, entry.Version), cancellationToken).ConfigureAwait(false);
                return ended.ToSession(session, entry.CreatedAt);
            }
            catch (MnemoConflictException) when (attempt < MaxAppendAttempts)
            {
                // A message was added meanwhile: read the counts again.
            }
        }
    }

    /// <summary>
    /// Adds a message to a session, counted exactly with the session's tokenizer, as the entry
    /// <c>sessions/ID/messages/N</c> written in one transaction with the session's counts. Secrets in the text are
    /// replaced first (<see cref="MnemoOptions.MessageRedactor"/>), so they are never stored, indexed or counted. When the
    /// message overflows the session's window, or comes after it expired, the window slides in the same transaction
    /// (<see cref="SessionWindow"/>) and a compaction of the turns it drops is written.
    /// </summary>
    /// <param name="session">The session's id.</param>
    /// <param name="role">Who said it.</param>
    /// <param name="text">What was said.</param>
    /// <param name="toolCallId">
    /// The tool call an assistant message makes, or the one a tool message answers (required for <see cref="MessageRole.Tool"/>,
    /// and an assistant message of the session must have made it).
    /// </param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="MnemoException">
    /// No such session (<see cref="MnemoErrorCode.NotFound"/>); it has ended, or a tool message answers no call
    /// (<see cref="MnemoErrorCode.InvalidInput"/>).
    /// </exception>
    public async Task<SessionMessage> AddMessageAsync(string session, MessageRole role, string text, string? toolCallId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        MessageRoles.Name(role);
        var redaction = _options.MessageRedactor?.Redact(text);
        text = redaction?.Text ?? text;
        toolCallId = string.IsNullOrWhiteSpace(toolCallId) ? null : toolCallId.Trim();
        if (role == MessageRole.Tool && toolCallId is null)
        {
            throw MnemoErrors.ToolResultWithoutCall(session);
        }

        for (var attempt = 1; ; attempt++)
        {
            var (metaEntry, meta) = await ReadSessionMetaAsync(session, cancellationToken).ConfigureAwait(false);
            if (meta.Ended is { } ended)
            {
                throw MnemoErrors.SessionEnded(session, ended);
            }

            if (role == MessageRole.Tool && !await HasToolCallAsync(session, meta.Messages, toolCallId!, cancellationToken).ConfigureAwait(false))
            {
                throw MnemoErrors.UnknownToolCall(session, toolCallId!);
            }

            var counter = TokenCounters.BuiltIn.Get(meta.Tokenizer);
            var message = new SessionMessage(session, meta.Messages + 1, role, text, toolCallId, counter.CountTokens(text), meta.Tokenizer, Agent, Now())
            {
                Redacted = redaction?.Findings ?? [],
            };
            var (counted, compaction) = await AdvanceWindowAsync(session, meta, message, counter, cancellationToken).ConfigureAwait(false);
            MemoryWrite[] writes = compaction is null
                ? [MessageWrite(message), counted.ToWrite(session, metaEntry.Version)]
                : [MessageWrite(message), counted.ToWrite(session, metaEntry.Version), compaction];
            try
            {
                var outcomes = await StoreManyAsync(writes, cancellationToken).ConfigureAwait(false);
                return message with { Time = outcomes[0].Entry.CreatedAt };
            }
            catch (MnemoConflictException) when (attempt < MaxAppendAttempts)
            {
                // Another writer appended first: take the next number.
            }
        }
    }

    /// <summary>The messages of a session in order, from <paramref name="afterSequence"/> on, at most <paramref name="limit"/>.</summary>
    /// <exception cref="MnemoException">No such session (<see cref="MnemoErrorCode.NotFound"/>).</exception>
    public async Task<IReadOnlyList<SessionMessage>> GetMessagesAsync(string session, long afterSequence = 0, int limit = 1000,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await ReadSessionMetaAsync(session, cancellationToken).ConfigureAwait(false);
        return await ListMessagesAsync(session, afterSequence, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A session with every message it holds, in order: what <c>session show</c> prints.</summary>
    /// <exception cref="MnemoException">No such session (<see cref="MnemoErrorCode.NotFound"/>).</exception>
    public async Task<(ConversationSession Session, IReadOnlyList<SessionMessage> Messages)> GetTranscriptAsync(string session,
        CancellationToken cancellationToken = default)
    {
        var (entry, meta) = await ReadSessionMetaAsync(session, cancellationToken).ConfigureAwait(false);
        var messages = await ListMessagesAsync(session, 0, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return (meta.ToSession(session, entry.CreatedAt), messages);
    }

    // The messages under the session's prefix, without checking that the session exists.
    private async Task<IReadOnlyList<SessionMessage>> ListMessagesAsync(string session, long afterSequence, int limit,
        CancellationToken cancellationToken)
    {
        var messages = new List<SessionMessage>();
        string? after = afterSequence > 0 ? SessionKeys.Message(session, afterSequence) : null;
        while (messages.Count < limit)
        {
            var page = await ListAsync(SessionKeys.Messages(session), after, Math.Min(1000, limit - messages.Count), cancellationToken).ConfigureAwait(false);
            messages.AddRange(page.Entries.Select(entry => ReadMessage(session, entry)));
            if (page.NextAfter is null)
            {
                break;
            }

            after = page.NextAfter;
        }

        return messages;
    }

    /// <summary>Whether an assistant message of the session makes the call; the latest turns are read first, where a call almost always is.</summary>
    private async Task<bool> HasToolCallAsync(string session, long messages, string toolCallId, CancellationToken cancellationToken)
    {
        const int Latest = 100;
        var latestFrom = Math.Max(0, messages - Latest);
        bool Calls(IReadOnlyList<SessionMessage> turns) =>
            turns.Any(message => message.Role == MessageRole.Assistant && message.ToolCallId == toolCallId);

        return Calls(await ListMessagesAsync(session, latestFrom, Latest, cancellationToken).ConfigureAwait(false))
            || (latestFrom > 0 && Calls(await ListMessagesAsync(session, 0, (int)latestFrom, cancellationToken).ConfigureAwait(false)));
    }

    private async Task<(MemoryEntry Entry, SessionMeta Meta)> ReadSessionMetaAsync(string session, CancellationToken cancellationToken)
    {
        SessionKeys.ValidateId(session);
        var entry = await GetAsync(SessionKeys.Meta(session), cancellationToken).ConfigureAwait(false) ?? throw MnemoErrors.UnknownSession(session);
        return (entry, SessionMeta.From(entry));
    }

    private static MemoryWrite MessageWrite(SessionMessage message) => new()
    {
        Key = SessionKeys.Message(message.Session, message.Sequence),
        Text = message.Text,
        Value = JsonObjects.Build(writer =>
        {
            writer.WriteString("role", MessageRoles.Name(message.Role));
            if (message.ToolCallId is { } call)
            {
                writer.WriteString("tool_call_id", call);
            }

            writer.WriteNumber("tokens", message.Tokens);
            writer.WriteString("tokenizer", message.Tokenizer);
            if (message.Redacted.Count > 0)
            {
                writer.WriteStartObject("redacted");
                foreach (var finding in message.Redacted)
                {
                    writer.WriteNumber(finding.Kind, finding.Count);
                }

                writer.WriteEndObject();
            }
        }),
        Kind = "episodic",
        Tags = [MessageRoles.Name(message.Role)],
        ExpectedVersion = 0,
    };

    private static SessionMessage ReadMessage(string session, MemoryEntry entry)
    {
        var value = entry.Value!.Value;
        var sequence = long.Parse(entry.Key.AsSpan(SessionKeys.Messages(session).Length), System.Globalization.CultureInfo.InvariantCulture);
        return new SessionMessage(session, sequence, MessageRoles.Parse(value.GetProperty("role").GetString()!), entry.Text,
            value.TryGetProperty("tool_call_id", out var call) ? call.GetString() : null, value.GetProperty("tokens").GetInt32(),
            value.GetProperty("tokenizer").GetString()!, entry.Agent, entry.CreatedAt)
        {
            Redacted = value.TryGetProperty("redacted", out var redacted)
                ? [.. redacted.EnumerateObject().Select(kind => new Privacy.RedactionFinding(kind.Name, kind.Value.GetInt32()))]
                : [],
        };
    }
}
