using System.Globalization;
using System.Text.Json;
using Mnemo.Core.Entries;

namespace Mnemo.Core.Conversations;

/// <summary>What the entry <c>sessions/ID/meta</c> holds as its JSON value.</summary>
internal sealed record SessionMeta(string Tokenizer, DateTimeOffset? Ended, long Messages, long Tokens)
{
    public static SessionMeta From(MemoryEntry entry)
    {
        var value = entry.Value ?? throw new InvalidDataException($"the session entry {entry.Key} has no value");
        return new SessionMeta(
            value.GetProperty("tokenizer").GetString()!,
            value.TryGetProperty("ended", out var ended) && ended.ValueKind == JsonValueKind.String
                ? DateTimeOffset.Parse(ended.GetString()!, CultureInfo.InvariantCulture)
                : null,
            value.GetProperty("messages").GetInt64(),
            value.GetProperty("tokens").GetInt64());
    }

    public ConversationSession ToSession(string id, DateTimeOffset started) => new(id, Tokenizer, started, Ended, Messages, Tokens);

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
        }),
        Kind = "working",
        ExpectedVersion = expectedVersion,
    };
}
