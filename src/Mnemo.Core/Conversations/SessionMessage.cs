namespace Mnemo.Core.Conversations;

/// <summary>Who said a message of a session.</summary>
public enum MessageRole
{
    /// <summary>The person or program the agent works for.</summary>
    User = 0,

    /// <summary>The agent (a model's answer, or its call of a tool when it carries a tool call id).</summary>
    Assistant = 1,

    /// <summary>Instructions given to the model.</summary>
    System = 2,

    /// <summary>A tool's result, answering the assistant's call with the same tool call id.</summary>
    Tool = 3,
}

/// <summary>One message of a session, with its exact token count for the session's tokenizer.</summary>
/// <param name="Session">The session's id.</param>
/// <param name="Sequence">Its place in the session, from 1.</param>
/// <param name="Role">Who said it.</param>
/// <param name="Text">What was said.</param>
/// <param name="ToolCallId">The tool call it makes (assistant) or answers (tool), or null.</param>
/// <param name="Tokens">Its tokens, counted by <paramref name="Tokenizer"/>.</param>
/// <param name="Tokenizer">The tokenizer that counted them.</param>
/// <param name="Agent">The agent that added it, or null.</param>
/// <param name="Time">When it was added.</param>
public sealed record SessionMessage(
    string Session, long Sequence, MessageRole Role, string Text, string? ToolCallId, int Tokens, string Tokenizer, string? Agent, DateTimeOffset Time)
{
    /// <summary>The kinds of secrets replaced in <see cref="Text"/> before it was stored, with how many of each (never the secrets).</summary>
    public IReadOnlyList<Privacy.RedactionFinding> Redacted { get; init; } = [];
}

/// <summary>A conversation session: its settings and what it holds so far.</summary>
/// <param name="Id">Its id, a key segment such as <c>chat-42</c>.</param>
/// <param name="Tokenizer">The tokenizer its messages are counted with.</param>
/// <param name="Started">When it was started.</param>
/// <param name="Ended">When it was ended, or null while open.</param>
/// <param name="Messages">How many messages it holds.</param>
/// <param name="Tokens">Their tokens in all.</param>
public sealed record ConversationSession(string Id, string Tokenizer, DateTimeOffset Started, DateTimeOffset? Ended, long Messages, long Tokens)
{
    /// <summary>Its window's settings.</summary>
    public SessionWindow Window { get; init; } = SessionWindow.Default;

    /// <summary>The sequence number of the first message in its window (one past the last message when the window is empty).</summary>
    public long WindowStart { get; init; } = 1;

    /// <summary>The tokens of the messages in its window.</summary>
    public long WindowTokens { get; init; }

    /// <summary>How many times its window slid, each time writing a compaction (<c>sessions/ID/compactions/N</c>).</summary>
    public long Compactions { get; init; }
}
