using System.Text.Json;
using Mnemo.Core.Maintenance;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of a <see cref="ForgetResult"/>, the one shape of CLI <c>forget --json</c> and MCP <c>memory_forget</c>:
/// <c>{count, dry_run, history_purged, keys}</c>, where <c>keys</c> are the keys forgotten (or, in a dry run, that
/// would be).
/// </summary>
public static class ForgetResultJson
{
    /// <summary>Writes <paramref name="result"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, ForgetResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteNumber("count", result.Keys.Count);
        writer.WriteBoolean("dry_run", result.DryRun);
        writer.WriteBoolean("history_purged", result.HistoryPurged);
        writer.WriteStartArray("keys");
        foreach (var key in result.Keys)
        {
            writer.WriteStringValue(key);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
