using System.Text.Json;
using Mnemo.Core.Storage;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of a <see cref="StatusReport"/>, the one shape of CLI <c>status --json</c>, MCP <c>memory_stats</c> and
/// the <c>mnemo://status</c> resource: the store's counts and sizes under <see cref="StoreJson"/>'s names, then
/// <c>file_bytes</c> and <c>files</c> (each file of the store: <c>name</c>, <c>path</c> with the location, <c>kind</c>
/// and <c>bytes</c>), <c>cached_entries</c>, <c>cache_capacity</c>, <c>max_entry_bytes</c>, <c>large_content_bytes</c>, <c>agent</c>,
/// <c>session</c>, <c>access_rules</c>, <c>feed_sequence</c> and <c>quotas</c> (each as <see cref="QuotaJson"/>).
/// </summary>
/// <remarks>
/// Two fields depend on the face. <c>database</c>, the store's location, is written only when asked for: the CLI shows
/// its user the file in use, while MCP does not show a model the user's paths. <c>embedding_model</c> is written when
/// given: the MCP server resolves its model anyway for its first search, while a one-shot <c>mnemo status</c> would
/// have to load the model (up to a second) and, on a new store, record it, only to print its name.
/// </remarks>
public static class StatusReportJson
{
    /// <summary>Writes <paramref name="report"/> as one JSON object.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="report">The report.</param>
    /// <param name="includeLocation">Whether to write <c>database</c>, the store's location.</param>
    /// <param name="embeddingModel">The embedding model searched, written as <c>embedding_model</c> when not null.</param>
    public static void Write(Utf8JsonWriter writer, StatusReport report, bool includeLocation, string? embeddingModel = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var status = report.Engine;
        writer.WriteStartObject();
        if (includeLocation)
        {
            writer.WriteString("database", status.Store.Location);
        }

        StoreJson.WriteStatusFields(writer, status.Store);
        WriteFiles(writer, status.Store, includeLocation);
        writer.WriteNumber("cached_entries", status.CachedEntries);
        writer.WriteNumber("cache_capacity", status.CacheCapacity);
        writer.WriteNumber("max_entry_bytes", status.MaxEntryBytes);
        writer.WriteNumber("large_content_bytes", status.LargeContentBytes);
        if (embeddingModel is not null)
        {
            writer.WriteString("embedding_model", embeddingModel);
        }

        writer.WriteString("agent", report.Agent);
        writer.WriteString("session", report.Session);
        writer.WriteNumber("access_rules", report.AccessRules.Rules.Count + report.AccessRules.Hidden);
        writer.WriteNumber("feed_sequence", report.FeedSequence);
        writer.WriteStartArray("quotas");
        foreach (var quota in report.Quotas)
        {
            QuotaJson.Write(writer, quota);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// The store's files and their total: the file name always (it tells the kind and, for a vector index, the model),
    /// the full path only with the location.
    /// </summary>
    private static void WriteFiles(Utf8JsonWriter writer, StoreStatus store, bool includeLocation)
    {
        writer.WriteNumber("file_bytes", store.FileBytes);
        writer.WriteStartArray("files");
        foreach (var file in store.Files)
        {
            writer.WriteStartObject();
            writer.WriteString("name", Path.GetFileName(file.Path));
            if (includeLocation)
            {
                writer.WriteString("path", file.Path);
            }

            writer.WriteString("kind", KindName(file.Kind));
            writer.WriteNumber("bytes", file.Bytes);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The JSON (and metric tag) name of a file kind.</summary>
    internal static string KindName(StoreFileKind kind) => kind switch
    {
        StoreFileKind.Database => "database",
        StoreFileKind.WriteAheadLog => "wal",
        StoreFileKind.SharedMemory => "shm",
        StoreFileKind.RollbackJournal => "journal",
        StoreFileKind.VectorIndex => "vector_index",
        _ => kind.ToString(),
    };
}
