using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mnemo.Core.Retrieval;

/// <summary>
/// The text that full-text search and embeddings see for an entry: its text after its context, such as
/// <c>Caroline, 8 May 2023: I've been researching adoption agencies</c>. The stored text is never changed.
/// </summary>
/// <remarks>
/// <para>In conversations and agent logs an answer's own words rarely say who said it or when: "What did Caroline
/// research?" is answered by Caroline's turn, which does not say "Caroline". Indexing the who and when beside the words
/// lets both word and meaning search find it (docs/search.md, "What is indexed").</para>
/// <para>The rule, in order: the title is the first of the metadata fields <see cref="TitleFields"/> that holds text;
/// who is the first of <see cref="WhoFields"/> that holds text, else the entry's agent; when is the first of
/// <see cref="WhenFields"/> that holds a date (ISO 8601 or any common form, or a Unix time in seconds or milliseconds;
/// text that is no date is used as written when short). The time an entry was written is not used: for notes written
/// as things happen it says nothing the words do not, and the same date on every entry of a day only adds noise to their
/// embeddings (measured: the hashing embedder's similarities fell by half). Each part is included only when the entry's
/// namespace asks for it (<see cref="IndexContextRules"/>).</para>
/// </remarks>
public static class IndexedText
{
    /// <summary>Metadata fields that name who said or wrote an entry, in order of preference.</summary>
    internal static readonly IReadOnlyList<string> WhoFields = ["speaker", "author", "sender", "from", "user", "participant"];

    /// <summary>Metadata fields that say when an entry happened, in order of preference.</summary>
    internal static readonly IReadOnlyList<string> WhenFields =
        ["date", "datetime", "date_time", "timestamp", "time", "session_date", "session_time", "occurred_at", "happened_at", "when"];

    /// <summary>Metadata fields that hold an entry's title or subject, in order of preference.</summary>
    internal static readonly IReadOnlyList<string> TitleFields = ["title", "subject", "topic", "heading"];

    // Context is a few words: longer metadata values are not names, dates or titles and would drown the text.
    private const int MaxContextLength = 80;

    /// <summary>The indexed text of <paramref name="entry"/> with the given context fields.</summary>
    public static string Of(MemoryEntry entry, ContextFields fields)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Compose(entry.Text, entry.Metadata, entry.Agent, fields);
    }

    /// <summary>The indexed text of an entry given by its parts (for an entry about to be written).</summary>
    internal static string Compose(string text, JsonElement? metadata, string? agent, ContextFields fields)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (fields == ContextFields.None)
        {
            return text;
        }

        var title = fields.HasFlag(ContextFields.Title) ? FirstText(metadata, TitleFields) : null;
        var who = fields.HasFlag(ContextFields.Who) ? FirstText(metadata, WhoFields) ?? agent : null;
        var when = fields.HasFlag(ContextFields.When) ? FirstDate(metadata) : null;
        if (title is null && who is null && when is null)
        {
            return text;
        }

        var composed = new StringBuilder(text.Length + 64);
        if (title is not null)
        {
            composed.Append(title).Append(". ");
        }

        composed.AppendJoin(", ", new[] { who, when }.Where(part => part is not null));
        if (who is not null || when is not null)
        {
            composed.Append(": ");
        }

        return composed.Append(text).ToString();
    }

    /// <summary>A day as it is indexed: <c>8 May 2023</c> (day, month name, year: the words people ask with).</summary>
    internal static string Day(DateTimeOffset time) => time.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string? FirstText(JsonElement? metadata, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (Field(metadata, name) is { ValueKind: JsonValueKind.String } value
                && value.GetString()?.Trim() is { Length: > 0 and <= MaxContextLength } text)
            {
                return text;
            }
        }

        return null;
    }

    private static string? FirstDate(JsonElement? metadata)
    {
        foreach (var name in WhenFields)
        {
            switch (Field(metadata, name))
            {
                case { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out var unix) && unix > 0:
                    // Unix times: seconds until the year 5138, milliseconds beyond.
                    return Day(unix < 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(unix) : DateTimeOffset.FromUnixTimeMilliseconds(unix));
                case { ValueKind: JsonValueKind.String } value when value.GetString()?.Trim() is { Length: > 0 } text:
                    if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                    {
                        return Day(parsed);
                    }

                    if (text.Length <= MaxContextLength)
                    {
                        return text;
                    }

                    break;
            }
        }

        return null;
    }

    private static JsonElement? Field(JsonElement? metadata, string name)
    {
        if (metadata is not { ValueKind: JsonValueKind.Object } obj)
        {
            return null;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
