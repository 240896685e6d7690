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
