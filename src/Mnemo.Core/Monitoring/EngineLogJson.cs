using System.Text.Json;

namespace Mnemo.Core.Monitoring;

/// <summary>The one JSON shape of the engine's recent log, for every face.</summary>
public static class EngineLogJson
{
    /// <summary>Writes <c>{"entries": [{"at", "level", "source", "message"}, ...]}</c>, oldest first.</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<EngineLogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        writer.WriteStartObject();
        writer.WriteStartArray("entries");
        foreach (var entry in entries)
        {
            writer.WriteStartObject();
            writer.WriteString("at", entry.At);
            writer.WriteString("level", entry.Level switch
            {
                EngineLogLevel.Information => "information",
                EngineLogLevel.Warning => "warning",
                _ => "error",
            });
            writer.WriteString("source", entry.Source);
            writer.WriteString("message", entry.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
