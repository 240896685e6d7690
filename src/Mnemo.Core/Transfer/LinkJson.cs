using System.Text.Json;
using Mnemo.Core.Time;

namespace Mnemo.Core.Transfer;

/// <summary>
/// The JSONL export shape of a link: <c>{"link":{"from":…,"to":…,"relation":…,"weight":…,"agent":…,"created_at":…}}</c>.
/// </summary>
/// <remarks>
/// The fields sit inside a <c>"link"</c> object, so a link line has no <c>key</c> or <c>text</c> and can never be read
/// as an entry (an older Mnemo refuses it by line number instead of importing something else). Field naming follows
/// <see cref="EntryJson"/>: snake_case, always present, times ISO 8601 UTC with milliseconds.
/// </remarks>
internal static class LinkJson
{
    /// <summary>The property that marks a line as a link.</summary>
    public const string Property = "link";

    /// <summary>Writes a link as one link line's JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, MemoryLink link)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(link);
        writer.WriteStartObject();
        writer.WriteStartObject(Property);
        writer.WriteString("from", link.From);
        writer.WriteString("to", link.To);
        writer.WriteString("relation", link.Relation);
        writer.WriteNumber("weight", link.Weight);
        if (link.Agent is null)
        {
            writer.WriteNull("agent");
        }
        else
        {
            writer.WriteString("agent", link.Agent);
        }

        writer.WriteString("created_at", Timestamps.Format(link.CreatedAt));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
