using System.Globalization;
using System.Text.Json;
using Mnemo.Core.Entries;

namespace Mnemo.Core.Conversations;

/// <summary>What the entry <c>sessions/ID/meta</c> holds as its JSON value.</summary>
internal sealed record SessionMeta(string Tokenizer, DateTimeOffset? Ended, long Messages, long Tokens)
{
    /// <summary>The session's window settings, fixed when it starts.</summary>
    public required SessionWindow Window { get; init; }

    /// <summary>The sequence number of the first message in the window (one past the last message when it is empty).</summary>
    public long WindowStart { get; init; } = 1;

    /// <summary>The tokens of the messages in the window.</summary>
    public long WindowTokens { get; init; }

    /// <summary>How many times the window slid, each time writing a compaction.</summary>
    public long Compactions { get; init; }

    /// <summary>When the last message was added, or null before the first.</summary>
    public DateTimeOffset? LastMessage { get; init; }

    public static SessionMeta From(MemoryEntry entry)
    {
        var value = entry.Value ?? throw new InvalidDataException($"the session entry {entry.Key} has no value");
        return new SessionMeta(
            value.GetProperty("tokenizer").GetString()!,
            Time(value, "ended"),
            value.GetProperty("messages").GetInt64(),
            value.GetProperty("tokens").GetInt64())
        {
            Window = new SessionWindow(value.GetProperty("window_max_tokens").GetInt32(), value.GetProperty("window_overlap").GetInt32()),
            WindowStart = value.GetProperty("window_start").GetInt64(),
            WindowTokens = value.GetProperty("window_tokens").GetInt64(),
            Compactions = value.GetProperty("compactions").GetInt64(),
            LastMessage = Time(value, "last_message"),
        };
    }

    public ConversationSession ToSession(string id, DateTimeOffset started) => new(id, Tokenizer, started, Ended, Messages, Tokens)
    {
        Window = Window,
        WindowStart = WindowStart,
        WindowTokens = WindowTokens,
        Compactions = Compactions,
    };

    public MemoryWrite ToWrite(string session, long expectedVersion) => new()
    {
        Key = SessionKeys.Meta(session),
        Text = $"session {session}",
        Value = JsonObjects.Build(writer =>
        {
            writer.WriteString("tokenizer", Tokenizer);
            if (Ended is { } ended)
            {
                writer.WriteString("ended", ended);
            }

            writer.WriteNumber("messages", Messages);
            writer.WriteNumber("tokens", Tokens);
            writer.WriteNumber("window_max_tokens", Window.MaxTokens);
            writer.WriteNumber("window_overlap", Window.Overlap);
            writer.WriteNumber("window_start", WindowStart);
            writer.WriteNumber("window_tokens", WindowTokens);
            writer.WriteNumber("compactions", Compactions);
            if (LastMessage is { } last)
            {
                writer.WriteString("last_message", last);
            }
        }),
        Kind = "working",
        ExpectedVersion = expectedVersion,
    };

    private static DateTimeOffset? Time(JsonElement value, string name) =>
        value.TryGetProperty(name, out var time) && time.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(time.GetString()!, CultureInfo.InvariantCulture)
            : null;
}
