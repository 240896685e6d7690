using Mnemo.Core.Keys;

namespace Mnemo.Core.Conversations;

/// <summary>
/// Where a session lives among the entries: <c>sessions/ID/meta</c> holds its settings and <c>sessions/ID/messages/N</c>
/// its messages (N zero-padded, so that key order is message order), so they are versioned, searchable and exported as
/// every entry is.
/// </summary>
internal static class SessionKeys
{
    public const string Root = "sessions/";

    public static string Meta(string session) => $"{Root}{session}/meta";

    public static string Messages(string session) => $"{Root}{session}/messages/";

    public static string Message(string session, long sequence) => $"{Messages(session)}{sequence:D8}";

    public static string Compactions(string session) => $"{Root}{session}/compactions/";

    public static string Compaction(string session, long number) => $"{Compactions(session)}{number:D8}";

    /// <summary>Whether <paramref name="key"/> is a session's meta entry.</summary>
    public static bool IsMeta(string key) =>
        key.StartsWith(Root, StringComparison.Ordinal) && key.EndsWith("/meta", StringComparison.Ordinal)
        && key.AsSpan(Root.Length, key.Length - Root.Length - "/meta".Length).IndexOf('/') < 0;

    /// <summary>The session and sequence number of a message's key, or null when <paramref name="key"/> is not one.</summary>
    public static (string Session, long Sequence)? ParseMessage(string key)
    {
        if (!key.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = key[Root.Length..].Split('/');
        return parts is [var session, "messages", var number] && number.Length >= 8
            && long.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
                ? (session, sequence)
                : null;
    }

    /// <summary>Checks a session id: one key segment.</summary>
    /// <exception cref="ArgumentException">It is empty or not a valid key segment.</exception>
    public static string ValidateId(string session)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(session);
        if (session.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"session id '{session}' has a '/': give one name such as chat-42", nameof(session));
        }

        MemoryKey.Validate(Meta(session), nameof(session));
        return session;
    }
}
