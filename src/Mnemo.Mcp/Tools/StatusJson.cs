using System.Text.Json.Nodes;
using Mnemo.Core;

namespace Mnemo.Mcp.Tools;

/// <summary>What the store holds, measured now, without its location: a model does not need the user's file paths.</summary>
internal static class StatusJson
{
    public static async Task<JsonObject> OfAsync(MnemoEngine engine, CancellationToken cancellationToken)
    {
        var status = await engine.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var store = status.Store;
        return new JsonObject
        {
            ["backend"] = store.Backend,
            ["schema_version"] = store.SchemaVersion,
            ["live_entries"] = store.LiveEntries,
            ["expired_entries"] = store.ExpiredEntries,
            ["removed_entries"] = store.RemovedEntries,
            ["history_versions"] = store.HistoryVersions,
            ["namespaces"] = store.Namespaces,
            ["database_bytes"] = store.DatabaseBytes,
            ["wal_bytes"] = store.WalBytes,
            ["embedding_model"] = await engine.GetEmbeddingModelAsync(cancellationToken).ConfigureAwait(false),
            ["cached_entries"] = status.CachedEntries,
        };
    }
}
