using Mnemo.Core.Entries;
using Mnemo.Core.Errors;
using Mnemo.Core.Storage;
using Mnemo.Core.Time;
using Mnemo.Sqlite.Internal;

namespace Mnemo.Sqlite;

public sealed partial class SqliteMemoryStore
{
    private const string SelectCurrent =
        "SELECT id, version, op, expires_at, created_at, accessed_at, access_count FROM entries WHERE key = $key";

    // The replaced version moves to history before the entry row is overwritten.
    private const string CopyToHistory = """
        INSERT INTO versions (key, version, seq, op, payload, content_id, hash, raw_size, kind, tags, metadata, importance, agent,
                              created_at, updated_at, expires_at)
        SELECT key, version, seq, op, payload, content_id, hash, raw_size, kind, tags, metadata, importance, agent,
               created_at, updated_at, expires_at
        FROM entries WHERE id = $id
        """;

    private const string InsertChange = 
        "INSERT INTO changes (key, version, op, agent, at) VALUES ($key, $version, $op, $agent, $at) RETURNING seq";

    private const string InsertEntry = """
        INSERT INTO entries (key, namespace, version, seq, op, payload, content_id, hash, raw_size, kind, tags, metadata, importance,
                             agent, created_at, updated_at, accessed_at, access_count, expires_at)
        VALUES ($key, $namespace, $version, $seq, 0, $payload, $content_id, $hash, $raw_size, $kind, $tags, $metadata, $importance,
                $agent, $created_at, $updated_at, $accessed_at, $access_count, $expires_at)
        """;

    private const string UpdateEntry = """
        UPDATE entries SET version = $version, seq = $seq, op = 0, payload = $payload, content_id = $content_id, hash = $hash,
            raw_size = $raw_size, kind = $kind, tags = $tags, metadata = $metadata, importance = $importance, agent = $agent,
            created_at = $created_at, updated_at = $updated_at, accessed_at = $accessed_at, access_count = $access_count,
            expires_at = $expires_at
        WHERE id = $id
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
                written[i] = Put(connection, writes[i], now);
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
                if (Remove(connection, request, reason, agent, now, purgeHistory))
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
                connection.Execute(
                    """
                    UPDATE entries SET accessed_at = max(coalesce(accessed_at, 0), $at), access_count = access_count + $count
                    WHERE key = $key AND op = 0
                    """,
                    ("$at", Timestamps.ToUnixMs(tally.LastAccess)), ("$count", tally.Count), ("$key", tally.Key));
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

    private MemoryEntry Put(StoreConnection connection, PreparedWrite write, DateTimeOffset now)
    {
        var nowMs = Timestamps.ToUnixMs(now);
        long? id = null, currentVersion = null, createdAt = null, accessedAt = null, accessCount = null;
        var live = false;
        using (var row = connection.Query(SelectCurrent, ("$key", write.Key)))
        {
            if (row.Read())
            {
                id = row.GetInt64(0);
                currentVersion = row.GetInt64(1);
                live = row.GetInt32(2) == (int)ChangeKind.Put && (row.IsDBNull(3) || row.GetInt64(3) > nowMs);
                if (live)
                {
                    createdAt = row.GetInt64(4);
                    accessedAt = row.IsDBNull(5) ? null : row.GetInt64(5);
                    accessCount = row.GetInt64(6);
                }
            }
        }

        if (write.ExpectedVersion is { } expected)
        {
            var actual = live ? currentVersion!.Value : 0;
            if (actual != expected)
            {
                throw new MnemoConflictException(write.Key, expected, actual);
            }
        }

        var imported = write.Imported;
        var version = currentVersion is { } v ? v + 1 : imported?.Version ?? 1;
        var agent = write.Agent;
        var seq = AppendChange(connection, write.Key, version, ChangeKind.Put, agent, nowMs);
        long? contentId = write.SharedContent is { } shared ? StoreShared(connection, write, shared.Data, shared.Codec) : null;
        createdAt = imported?.CreatedAt is { } c ? Timestamps.ToUnixMs(c) : createdAt ?? nowMs;
        var updatedAt = imported?.UpdatedAt is { } u ? Timestamps.ToUnixMs(u) : nowMs;
        accessedAt = imported?.AccessedAt is { } a ? Timestamps.ToUnixMs(a) : accessedAt;
        accessCount = imported?.AccessCount ?? accessCount ?? 0;
        long? expiresAt = write.ExpiresAt is { } e ? Timestamps.ToUnixMs(e) : null;

        if (id is { } existing)
        {
            connection.Execute(CopyToHistory, ("$id", existing));
        }

        connection.Execute(id is null ? InsertEntry : UpdateEntry,
            ("$id", id), ("$key", write.Key), ("$namespace", write.Namespace), ("$version", version), ("$seq", seq),
            ("$payload", contentId is null ? write.Payload : null), ("$content_id", contentId), ("$hash", write.Hash),
            ("$raw_size", write.Payload.Length), ("$kind", write.Kind), ("$tags", EntryRows.FormatTags(write.Tags)),
            ("$metadata", write.Metadata?.GetRawText()), ("$importance", write.Importance), ("$agent", agent),
            ("$created_at", createdAt), ("$updated_at", updatedAt), ("$accessed_at", accessedAt), ("$access_count", accessCount),
            ("$expires_at", expiresAt));

        return new MemoryEntry
        {
            Key = write.Key,
            Text = write.Text,
            Value = write.Value,
            Kind = write.Kind,
            Tags = write.Tags,
            Metadata = write.Metadata,
            Importance = write.Importance,
            Agent = agent,
            Version = version,
            CreatedAt = Timestamps.FromUnixMs(createdAt.Value),
            UpdatedAt = Timestamps.FromUnixMs(updatedAt),
            AccessedAt = accessedAt is { } at ? Timestamps.FromUnixMs(at) : null,
            AccessCount = accessCount.Value,
            ExpiresAt = write.ExpiresAt,
            ContentHash = Convert.ToHexStringLower(write.Hash),
            Sequence = seq,
        };
    }

    private static long StoreShared(StoreConnection connection, PreparedWrite write, byte[] data, int codec)
    {
        if (connection.Scalar("SELECT id FROM contents WHERE namespace = $namespace AND hash = $hash",
                ("$namespace", write.Namespace), ("$hash", write.Hash)) is long existing)
        {
            return existing;
        }

        return connection.ScalarLong(
            "INSERT INTO contents (namespace, hash, codec, raw_size, data) VALUES ($namespace, $hash, $codec, $raw_size, $data) RETURNING id",
            ("$namespace", write.Namespace), ("$hash", write.Hash), ("$codec", codec), ("$raw_size", write.Payload.Length), ("$data", data));
    }

    private static bool Remove(StoreConnection connection, RemoveRequest request, ChangeKind reason, string? agent, DateTimeOffset now, bool purgeHistory)
    {
        long id, version;
        using (var row = connection.Query(SelectCurrent, ("$key", request.Key)))
        {
            if (!row.Read() || row.GetInt32(2) != (int)ChangeKind.Put)
            {
                return false;
            }

            id = row.GetInt64(0);
            version = row.GetInt64(1);
        }

        if (request.IfVersion is { } required && required != version)
        {
            return false;
        }

        var nowMs = Timestamps.ToUnixMs(now);
        var seq = AppendChange(connection, request.Key, version + 1, reason, agent, nowMs);
        if (purgeHistory)
        {
            connection.Execute("DELETE FROM versions WHERE key = $key", ("$key", request.Key));
            connection.Execute("DELETE FROM entries WHERE id = $id", ("$id", id));
            return true;
        }

        connection.Execute(CopyToHistory, ("$id", id));
        connection.Execute("""
            UPDATE entries SET version = version + 1, seq = $seq, op = $op, payload = NULL, content_id = NULL, hash = NULL,
                raw_size = 0, agent = $agent, updated_at = $at, accessed_at = NULL, access_count = 0, expires_at = NULL
            WHERE id = $id
            """, ("$seq", seq), ("$op", (int)reason), ("$agent", agent), ("$at", nowMs), ("$id", id));
        return true;
    }

    private static long AppendChange(StoreConnection connection, string key, long version, ChangeKind change, string? agent, long atMs)
    {
        return connection.ScalarLong(InsertChange, ("$key", key), ("$version", version), ("$op", (int)change), ("$agent", agent), ("$at", atMs));
    }
}
