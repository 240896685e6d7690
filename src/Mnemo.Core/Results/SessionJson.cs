using System.Text.Json;
using Mnemo.Core.Conversations;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of sessions and their messages, one shape for every face: a session is <c>id</c>, <c>tokenizer</c>,
/// <c>started</c>, <c>ended</c> (null while open), <c>messages</c>, <c>tokens</c> and <c>window</c> (<c>max_tokens</c>,
/// <c>overlap</c>, <c>start</c>: the first message in it, <c>tokens</c>, <c>compactions</c>); a message is <c>session</c>,
/// <c>sequence</c>, <c>role</c>, <c>text</c>, <c>tool_call_id</c>, <c>tokens</c>, <c>tokenizer</c>, <c>agent</c>, <c>time</c> and
/// <c>redacted</c> (an object of the secret kinds replaced and how many of each).
/// </summary>
public static class SessionJson
{
    /// <summary>Writes one session as an object, with its messages when given.</summary>
    public static void Write(Utf8JsonWriter writer, ConversationSession session, IEnumerable<SessionMessage>? messages = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(session);
        writer.WriteStartObject();
        writer.WriteString("id", session.Id);
        writer.WriteString("tokenizer", session.Tokenizer);
        writer.WriteString("started", session.Started);
        if (session.Ended is { } ended)
        {
            writer.WriteString("ended", ended);
        }
        else
        {
            writer.WriteNull("ended");
        }

        writer.WriteNumber("messages", session.Messages);
        writer.WriteNumber("tokens", session.Tokens);
        writer.WriteStartObject("window");
        writer.WriteNumber("max_tokens", session.Window.MaxTokens);
        writer.WriteNumber("overlap", session.Window.Overlap);
        writer.WriteNumber("start", session.WindowStart);
        writer.WriteNumber("tokens", session.WindowTokens);
        writer.WriteNumber("compactions", session.Compactions);
        writer.WriteEndObject();
        if (messages is not null)
        {
            writer.WritePropertyName("history");
            writer.WriteStartArray();
            foreach (var message in messages)
            {
                WriteMessage(writer, message);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes sessions as an array.</summary>
    public static void WriteArray(Utf8JsonWriter writer, IEnumerable<ConversationSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sessions);
        writer.WriteStartArray();
        foreach (var session in sessions)
        {
            Write(writer, session);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes one message as an object.</summary>
    public static void WriteMessage(Utf8JsonWriter writer, SessionMessage message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(message);
        writer.WriteStartObject();
        writer.WriteString("session", message.Session);
        writer.WriteNumber("sequence", message.Sequence);
        writer.WriteString("role", MessageRoles.Name(message.Role));
        writer.WriteString("text", message.Text);
        writer.WriteString("tool_call_id", message.ToolCallId);
        writer.WriteNumber("tokens", message.Tokens);
        writer.WriteString("tokenizer", message.Tokenizer);
        writer.WriteString("agent", message.Agent);
        writer.WriteString("time", message.Time);
        writer.WriteStartObject("redacted");
        foreach (var finding in message.Redacted)
        {
            writer.WriteNumber(finding.Kind, finding.Count);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
