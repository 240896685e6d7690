using System.Text.Json;
using Mnemo.Core.Transfer;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of a page of entries, the one shape of CLI <c>list --json</c> and MCP <c>memory_list</c>: every entry whole,
/// as <see cref="EntryJson"/> writes it, and the key to continue after (null on the last page).
/// </summary>
public static class EntryPageJson
{
    /// <summary>Writes <paramref name="entries"/> and <paramref name="nextAfter"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, IEnumerable<MemoryEntry> entries, string? nextAfter)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        writer.WriteStartObject();
        writer.WriteStartArray("entries");
        foreach (var entry in entries)
        {
            EntryJson.Write(writer, entry);
        }

        writer.WriteEndArray();
        if (nextAfter is null)
        {
            writer.WriteNull("next_after");
        }
        else
        {
            writer.WriteString("next_after", nextAfter);
        }

        writer.WriteEndObject();
    }
}
