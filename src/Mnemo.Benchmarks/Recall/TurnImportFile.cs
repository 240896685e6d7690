using System.Globalization;
using System.Text.Json;

namespace Mnemo.Benchmarks.Recall;

/// <summary>
/// Writes the turns as the JSONL file a new user would give <c>mnemo import</c> for a chat log: one entry per turn, the
/// utterance as text, who and when in metadata, and the session's date as the entry's time.
/// </summary>
internal static class TurnImportFile
{
    // The hour of the day every session starts at (UTC); turns follow a minute apart, so their order is kept in time.
    private const int SessionHour = 12;

    /// <summary>The kind of every turn entry.</summary>
    public const string Kind = "turn";

    private static readonly byte[] s_newline = "\n"u8.ToArray();

    /// <summary>Writes one line per turn to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(string path, IEnumerable<RecallTurn> turns, CancellationToken cancellationToken)
    {
        var file = File.Create(path);
        await using (file.ConfigureAwait(false))
        {
            var writer = new Utf8JsonWriter(file);
            await using (writer.ConfigureAwait(false))
            {
                foreach (var turn in turns)
                {
                    WriteLine(writer, turn);
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                    writer.Reset();
                    await file.WriteAsync(s_newline, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>
    /// One turn as an import line: <c>key</c>, <c>text</c>, <c>kind</c> <c>turn</c>, <c>metadata</c>
    /// <c>{"speaker", "date" (YYYY-MM-DD), "session"}</c>, and <c>created_at</c> = <c>updated_at</c> on the session's
    /// day; no agent, so the importing engine's default is recorded.
    /// </summary>
    public static void WriteLine(Utf8JsonWriter writer, RecallTurn turn)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(turn);
        var time = new DateTimeOffset(turn.Date.ToDateTime(new TimeOnly(SessionHour, 0)), TimeSpan.Zero).AddMinutes(turn.Turn)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        writer.WriteStartObject();
        writer.WriteString("key", turn.Key);
        writer.WriteString("text", turn.Text);
        writer.WriteString("kind", Kind);
        writer.WriteStartObject("metadata");
        writer.WriteString("speaker", turn.Speaker);
        writer.WriteString("date", turn.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteNumber("session", turn.Session);
        writer.WriteEndObject();
        writer.WriteString("created_at", time);
        writer.WriteString("updated_at", time);
        writer.WriteEndObject();
    }
}
