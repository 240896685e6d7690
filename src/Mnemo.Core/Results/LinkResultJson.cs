using System.Text.Json;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of linking and unlinking, the one shape of CLI <c>link --json</c> / <c>unlink --json</c> and MCP
/// <c>memory_link</c> / <c>memory_unlink</c>: <c>{from, to, relation, weight, created}</c> (created is false when the
/// link existed and only its weight changed) and <c>{removed}</c>.
/// </summary>
public static class LinkResultJson
{
    /// <summary>Writes the link a link call made or updated as one JSON object.</summary>
    public static void WriteLinked(Utf8JsonWriter writer, MemoryLink link, bool created)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(link);
        writer.WriteStartObject();
        writer.WriteString("from", link.From);
        writer.WriteString("to", link.To);
        writer.WriteString("relation", link.Relation);
        writer.WriteNumber("weight", link.Weight);
        writer.WriteBoolean("created", created);
        writer.WriteEndObject();
    }

    /// <summary>Writes how many links an unlink call removed as one JSON object.</summary>
    public static void WriteUnlinked(Utf8JsonWriter writer, int removed)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("removed", removed);
        writer.WriteEndObject();
    }
}
