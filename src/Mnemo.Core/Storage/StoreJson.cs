using System.Text.Json;

namespace Mnemo.Core.Storage;

/// <summary>
/// The JSON names of what a store holds (<see cref="StoreStatus"/>) and of what a check verified
/// (<see cref="CheckReport"/>), written here once so that every face (the CLI's <c>status</c> and <c>check</c>, MCP's
/// <c>memory_stats</c> and status resource) uses the same names for the same counts.
/// </summary>
/// <remarks>
/// Each count is named for what it counts: <c>live_entries</c> are the entries a read can see now, while a check
/// verifies every key ever written (<c>keys_checked</c>: live, expired and removed alike, so it equals
/// <c>live_entries + expired_entries + removed_entries</c>) and every version (<c>versions_checked</c>: the current
/// ones and the earlier ones that <c>history_versions</c> counts).
/// </remarks>
public static class StoreJson
{
    /// <summary>
    /// Writes every field of <paramref name="status"/> as properties of the open object, except its location, which a
    /// face may keep to itself (MCP does not show a model the user's paths).
    /// </summary>
    public static void WriteStatusFields(Utf8JsonWriter writer, StoreStatus status)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(status);
        writer.WriteString("backend", status.Backend);
        writer.WriteString("backend_version", status.BackendVersion);
        writer.WriteNumber("schema_version", status.SchemaVersion);
        writer.WriteNumber("database_bytes", status.DatabaseBytes);
        writer.WriteNumber("wal_bytes", status.WalBytes);
        writer.WriteNumber("live_entries", status.LiveEntries);
        writer.WriteNumber("expired_entries", status.ExpiredEntries);
        writer.WriteNumber("removed_entries", status.RemovedEntries);
        writer.WriteNumber("history_versions", status.HistoryVersions);
        writer.WriteNumber("namespaces", status.Namespaces);
        writer.WriteNumber("last_sequence", status.LastSequence);
        writer.WriteNumber("inline_payload_bytes", status.InlinePayloadBytes);
        writer.WriteNumber("shared_contents", status.SharedContents);
        writer.WriteNumber("compressed_contents", status.CompressedContents);
        writer.WriteNumber("shared_content_raw_bytes", status.SharedContentRawBytes);
        writer.WriteNumber("shared_content_stored_bytes", status.SharedContentStoredBytes);
        writer.WriteNumber("shared_content_references", status.SharedContentReferences);
        writer.WriteNumber("compression_saved_bytes", status.CompressionSavedBytes);
        writer.WriteNumber("deduplication_saved_bytes", status.DeduplicationSavedBytes);
    }

    /// <summary>Writes <paramref name="report"/> as one JSON object.</summary>
    public static void WriteCheck(Utf8JsonWriter writer, CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteBoolean("healthy", report.IsHealthy);
        writer.WriteNumber("keys_checked", report.KeysChecked);
        writer.WriteNumber("versions_checked", report.VersionsChecked);
        writer.WriteNumber("contents_checked", report.ContentsChecked);
        writer.WriteStartArray("problems");
        foreach (var problem in report.Problems)
        {
            writer.WriteStringValue(problem);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
