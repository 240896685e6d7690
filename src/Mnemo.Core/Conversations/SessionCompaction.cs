using Mnemo.Core.Entries;

namespace Mnemo.Core.Conversations;

/// <summary>
/// What a session's window dropped when it slid: the range of turns and what they said in brief, stored as the entry
/// <c>sessions/ID/compactions/N</c> (searchable; the turns themselves stay too).
/// </summary>
/// <param name="Session">The session.</param>
/// <param name="Number">Its place among the session's compactions, from 1.</param>
/// <param name="From">The sequence number of the first turn dropped.</param>
/// <param name="To">The sequence number of the last turn dropped.</param>
/// <param name="DroppedTokens">The tokens of the turns dropped.</param>
/// <param name="Text">What they said, in brief.</param>
/// <param name="Tokens">The tokens of <paramref name="Text"/>.</param>
/// <param name="Compactor">The <see cref="ISessionCompactor.Name"/> of what wrote it.</param>
public sealed record SessionCompaction(string Session, long Number, long From, long To, long DroppedTokens, string Text, int Tokens, string Compactor)
{
    /// <summary>Why the configured compactor was not used (it failed), or null.</summary>
    public string? Fallback { get; init; }

    internal MemoryWrite ToWrite() => new()
    {
        Key = SessionKeys.Compaction(Session, Number),
        Text = Text,
        Value = JsonObjects.Build(writer =>
        {
            writer.WriteNumber("from", From);
            writer.WriteNumber("to", To);
            writer.WriteNumber("dropped_tokens", DroppedTokens);
            writer.WriteNumber("tokens", Tokens);
            writer.WriteString("compactor", Compactor);
            if (Fallback is { } fallback)
            {
                writer.WriteString("fallback", fallback);
            }
        }),
        Kind = "episodic",
        Tags = ["compaction"],
        ExpectedVersion = 0,
    };

    internal static SessionCompaction Read(string session, MemoryEntry entry)
    {
        var value = entry.Value!.Value;
        var number = long.Parse(entry.Key.AsSpan(SessionKeys.Compactions(session).Length), System.Globalization.CultureInfo.InvariantCulture);
        return new SessionCompaction(session, number, value.GetProperty("from").GetInt64(), value.GetProperty("to").GetInt64(),
            value.GetProperty("dropped_tokens").GetInt64(), entry.Text, value.GetProperty("tokens").GetInt32(), value.GetProperty("compactor").GetString()!)
        {
            Fallback = value.TryGetProperty("fallback", out var fallback) ? fallback.GetString() : null,
        };
    }
}
