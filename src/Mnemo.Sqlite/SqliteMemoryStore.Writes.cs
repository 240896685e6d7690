using Mnemo.Core.Entries;
using Mnemo.Core.Errors;
using Mnemo.Core.Storage;
using Mnemo.Core.Time;
using Mnemo.Sqlite.Internal;

namespace Mnemo.Sqlite;

public sealed partial class SqliteMemoryStore
{
    private const string IsLive = "(entries.op = 0 AND (entries.expires_at IS NULL OR entries.expires_at > $now))";

    // One statement per write: the triggers move the replaced version to history and log the change. A live entry
    // keeps its creation time and read statistics; a key re-created after removal or expiry starts afresh. An import
    // ($imported_* set) restores the exported values instead.
    private const string Upsert = $"""
        INSERT INTO entries (key, namespace, version, seq, op, payload, content_id, hash, raw_size, kind, tags, metadata, importance,
                             agent, created_at, updated_at, accessed_at, access_count, expires_at)
        VALUES ($key, $namespace, coalesce($imported_version, 1), $seq, 0, $payload, $content_id, $hash, $raw_size, $kind,
                $tags, $metadata, $importance, $agent, coalesce($imported_created, $now), coalesce($imported_updated, $now),
                $imported_accessed, coalesce($imported_count, 0), $expires_at)
        ON CONFLICT (key) DO UPDATE SET
            version = entries.version + 1, seq = excluded.seq, op = 0, payload = excluded.payload, content_id = excluded.content_id,
            hash = excluded.hash, raw_size = excluded.raw_size, kind = excluded.kind, tags = excluded.tags, metadata = excluded.metadata,
            importance = excluded.importance, agent = excluded.agent,
            created_at = coalesce($imported_created, CASE WHEN {IsLive} THEN entries.created_at ELSE $now END),
            updated_at = excluded.updated_at,
            accessed_at = coalesce($imported_accessed, CASE WHEN {IsLive} THEN entries.accessed_at END),
            access_count = coalesce($imported_count, CASE WHEN {IsLive} THEN entries.access_count ELSE 0 END),
            expires_at = excluded.expires_at
        RETURNING version, seq, created_at, updated_at, accessed_at, access_count
        """;

    private const string Tombstone = $"""
        UPDATE entries SET version = version + 1, seq = $seq, op = $op, payload = NULL, content_id = NULL, hash = NULL,
            raw_size = 0, agent = $agent, updated_at = $now, accessed_at = NULL, access_count = 0, expires_at = NULL
        WHERE key = $key AND op = 0 AND ($if_version IS NULL OR version = $if_version)
        """;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MemoryEntry>> PutAsync(IReadOnlyList<PreparedWrite> writes, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return WriteAsync<IReadOnlyList<MemoryEntry>>(connection =>
        {
            var written = new MemoryEntry[writes.Count];
            for (var i = 0; i < writes.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                written[i] = Put(connection, writes[i], Timestamps.ToUnixMs(now));
            }

            return written;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> RemoveAsync(
        IReadOnlyList<RemoveRequest> requests, ChangeKind reason, string? agent, DateTimeOffset now, bool purgeHistory,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return WriteAsync<IReadOnlyList<string>>(connection =>
        {
            var removed = new List<string>();
            foreach (var request in requests)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var done = purgeHistory
                    ? Purge(connection, request, reason, agent, Timestamps.ToUnixMs(now))
                    : connection.Statement(Tombstone).Bind("$op", (int)reason).Bind("$agent", agent).Bind("$now", Timestamps.ToUnixMs(now))
                        .Bind("$key", request.Key).Bind("$if_version", request.IfVersion).Bind("$seq", connection.NextSequence()).Execute() == 1;
                if (done)
                {
                    removed.Add(request.Key);
                }
            }

            return removed;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask RecordAccessAsync(IReadOnlyList<AccessTally> tallies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        await WriteAsync(connection =>
        {
            foreach (var tally in tallies)
            {
                // Not an UPDATE OF version: no history row and no change record, just statistics.
                connection.Statement("""
                        UPDATE entries SET accessed_at = max(coalesce(accessed_at, 0), $at), access_count = access_count + $count
                        WHERE key = $key AND op = 0
                        """)
                    .Bind("$at", Timestamps.ToUnixMs(tally.LastAccess)).Bind("$count", tally.Count).Bind("$key", tally.Key).Execute();
            }

            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<long> DeleteUnreferencedContentAsync(CancellationToken cancellationToken = default) =>
        WriteAsync<long>(connection => connection.Execute("""
            DELETE FROM contents WHERE id NOT IN (
                SELECT content_id FROM entries WHERE content_id IS NOT NULL
                UNION SELECT content_id FROM versions WHERE content_id IS NOT NULL)
            """), cancellationToken);

    private static MemoryEntry Put(StoreConnection connection, PreparedWrite write, long nowMs)
    {
        if (write.ExpectedVersion is { } expected)
        {
            // Inside the immediate transaction no other writer can slip in between this check and the write.
            var actual = connection.Statement($"SELECT version FROM entries WHERE key = $key AND {IsLive}")
                .Bind("$key", write.Key).Bind("$now", nowMs).One(row => row.Long(0), 0L);
            if (actual != expected)
            {
                throw new MnemoConflictException(write.Key, expected, actual);
            }
        }

        long? contentId = write.SharedContent is { } shared ? StoreShared(connection, write, shared.Data, shared.Codec) : null;
        var imported = write.Imported;
        var statement = connection.Statement(Upsert)
            .Bind("$key", write.Key).Bind("$seq", connection.NextSequence()).Bind("$namespace", write.Namespace).Bind("$payload", contentId is null ? write.Payload : null)
            .Bind("$content_id", contentId).Bind("$hash", write.Hash).Bind("$raw_size", write.Payload.Length).Bind("$kind", write.Kind)
            .Bind("$tags", EntryRows.FormatTags(write.Tags)).Bind("$metadata", write.Metadata?.GetRawText())
            .Bind("$importance", write.Importance).Bind("$agent", write.Agent).Bind("$now", nowMs)
            .Bind("$expires_at", ToMs(write.ExpiresAt)).Bind("$imported_version", imported?.Version)
            .Bind("$imported_created", ToMs(imported?.CreatedAt)).Bind("$imported_updated", ToMs(imported?.UpdatedAt))
            .Bind("$imported_accessed", ToMs(imported?.AccessedAt)).Bind("$imported_count", imported?.AccessCount);
        return statement.One(row => new MemoryEntry
        {
            Key = write.Key,
            Text = write.Text,
            Value = write.Value,
            Kind = write.Kind,
            Tags = write.Tags,
            Metadata = write.Metadata,
            Importance = write.Importance,
            Agent = write.Agent,
            Version = row.Long(0),
            Sequence = row.Long(1),
            CreatedAt = Timestamps.FromUnixMs(row.Long(2)),
            UpdatedAt = Timestamps.FromUnixMs(row.Long(3)),
            AccessedAt = row.IsNull(4) ? null : Timestamps.FromUnixMs(row.Long(4)),
            AccessCount = row.Long(5),
            ExpiresAt = write.ExpiresAt,
            ContentHash = Convert.ToHexStringLower(write.Hash),
        }, null) ?? throw new InvalidOperationException("the upsert returned no row");
    }

    private static long StoreShared(StoreConnection connection, PreparedWrite write, byte[] data, int codec)
    {
        var existing = connection.Statement("SELECT id FROM contents WHERE namespace = $namespace AND hash = $hash")
            .Bind("$namespace", write.Namespace).Bind("$hash", write.Hash).One(row => (long?)row.Long(0), null);
        return existing ?? connection.Statement("""
                INSERT INTO contents (namespace, hash, codec, raw_size, data) VALUES ($namespace, $hash, $codec, $raw_size, $data)
                RETURNING id
                """)
            .Bind("$namespace", write.Namespace).Bind("$hash", write.Hash).Bind("$codec", codec).Bind("$raw_size", write.Payload.Length)
            .Bind("$data", data).One(row => row.Long(0), 0L);
    }

    /// <summary>Erases every version of a key, keeping only a record in the change log that it went.</summary>
    private static bool Purge(StoreConnection connection, RemoveRequest request, ChangeKind reason, string? agent, long nowMs)
    {
        var version = connection.Statement("SELECT version FROM entries WHERE key = $key AND op = 0 AND ($if_version IS NULL OR version = $if_version)")
            .Bind("$key", request.Key).Bind("$if_version", request.IfVersion).One(row => (long?)row.Long(0), null);
        if (version is null)
        {
            return false;
        }

        connection.Statement("DELETE FROM versions WHERE key = $key").Bind("$key", request.Key).Execute();
        connection.Statement("DELETE FROM entries WHERE key = $key").Bind("$key", request.Key).Execute();
        connection.Statement($"INSERT INTO changes (seq, key, version, op, agent, at) VALUES ($seq, $key, $version, $op, $agent, $at)")
            .Bind("$seq", connection.NextSequence())
            .Bind("$key", request.Key).Bind("$version", version.Value + 1).Bind("$op", (int)reason).Bind("$agent", agent).Bind("$at", nowMs)
            .Execute();
        return true;
    }

    private static long? ToMs(DateTimeOffset? time) => time is { } t ? Timestamps.ToUnixMs(t) : null;
}
