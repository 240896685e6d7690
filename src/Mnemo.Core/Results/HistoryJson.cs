using System.Text.Json;
using Mnemo.Core.Transfer;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of a key's history, the one shape of CLI <c>history --json</c> and MCP <c>memory_history</c>: its versions,
/// oldest first, each as <see cref="EntryJson.Write(Utf8JsonWriter, EntryVersion)"/> writes a history step.
/// </summary>
public static class HistoryJson
{
    /// <summary>Writes <paramref name="versions"/> as one JSON array.</summary>
    public static void WriteArray(Utf8JsonWriter writer, IEnumerable<EntryVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(versions);
        writer.WriteStartArray();
        foreach (var version in versions)
        {
            EntryJson.Write(writer, version);
        }

        writer.WriteEndArray();
    }
}
