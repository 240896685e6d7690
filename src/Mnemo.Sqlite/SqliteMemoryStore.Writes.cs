using Mnemo.Core;
using Mnemo.Core.Entries;
using Mnemo.Core.Storage;
using Mnemo.Core.Time;
using Mnemo.Sqlite.Internal;

namespace Mnemo.Sqlite;

internal sealed partial class SqliteMemoryStore
{
    private const string SelectCurrentState = """
        SELECT e.seq, v.version, v.op, v.expires_at, v.created_at, a.accessed_at, a.access_count,
               coalesce(v.imported_by, v.agent), v.session, v.raw_size + coalesce(length(CAST(v.metadata AS BLOB)), 0)
        FROM entries e JOIN versions v ON v.seq = e.seq LEFT JOIN access a ON a.key = e.key WHERE e.key = $key
        """;

    private const string AppendVersion = """
        INSERT INTO versions (seq, key, namespace, version, prev_seq, op, payload, content_id, hash, raw_size, kind, tags, metadata,
                              importance, agent, session, created_at, updated_at, expires_at, imported_by)
        VALUES ($seq, $key, $namespace, $version, $prev_seq, $op, $payload, $content_id, $hash, $raw_size, $kind, $tags, $metadata,
                $importance, $agent, $session, $created_at, $updated_at, $expires_at, $imported_by)
        """;

    private const string PointEntry = "INSERT INTO entries (key, seq) VALUES ($key, $seq) ON CONFLICT (key) DO UPDATE SET seq = excluded.seq";

    private const string SetAccess = """
        INSERT INTO access (key, accessed_at, access_count) VALUES ($key, $accessed_at, $access_count)
        ON CONFLICT (key) DO UPDATE SET accessed_at = excluded.accessed_at, access_count = excluded.access_count
        """;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MemoryEntry>> PutAsync(
        IReadOnlyList<PreparedWrite> writes, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return WriteAsync<IReadOnlyList<MemoryEntry>>(connection =>
        {
            var written = new MemoryEntry[writes.Count];
            for (var i = 0; i < writes.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                written[i] = Put(connection, writes[i], Timestamps.ToUnixMs(now), _quotas);
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
                if (Remove(connection, request, reason, agent, Timestamps.ToUnixMs(now), purgeHistory))
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
                // Statistics only: no new version, nothing in the change sequence.
                // No check that the entry still exists: a read counted just before a removal may leave statistics for a
                // removed key, which reads ignore and a later write of the key discards (see Put).
                connection.Statement("""
                        INSERT INTO access (key, accessed_at, access_count) VALUES ($key, $at, $count)
                        ON CONFLICT (key) DO UPDATE SET accessed_at = max(accessed_at, excluded.accessed_at),
                            access_count = access_count + excluded.access_count
                        """)
                    .Bind("$at", Timestamps.ToUnixMs(tally.LastAccess)).Bind("$count", tally.Count).Bind("$key", tally.Key).Execute();
            }

            return 0;
        }, cancellationToken, foldOnClose: false).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<long> DeleteUnreferencedContentAsync(CancellationToken cancellationToken = default) =>
        WriteAsync<long>(connection => connection.Execute(
            "DELETE FROM contents WHERE id NOT IN (SELECT content_id FROM versions WHERE content_id IS NOT NULL)"), cancellationToken);

    private static MemoryEntry Put(StoreConnection connection, PreparedWrite write, long nowMs, Quotas quotas)
    {
        CheckFence(connection, write.Key, write.Fence, nowMs);
        var current = CurrentState.Read(connection, write.Key, nowMs);
        if (write.ExpectedVersion is { } expected)
        {
            // Inside the immediate transaction no other writer can slip in between this check and the write.
            var actual = current is { IsLive: true } live ? live.Version : 0;
            if (actual != expected)
            {
                throw new MnemoConflictException(write.Key, expected, actual);
            }
        }

        if (write.Event is { } recorded)
        {
            AppendEvent(connection, recorded.Type, write.Key, write.Agent, recorded.Detail, nowMs);
        }

        if (write.SiblingOf is { } baseVersion)
        {
            KeepSibling(connection, write, baseVersion, nowMs);
            return ReadCurrentEntry(connection, write.Key) ?? throw new MnemoConflictException(write.Key, current?.Version ?? 0, 0);
        }

        if (write.ClearsSiblings)
        {
            connection.Statement("DELETE FROM siblings WHERE key = $key").Bind("$key", write.Key).Execute();
        }

        CountUsage(connection, current, write, quotas);

        // A live entry keeps its creation time and read statistics; a key re-created after removal or expiry starts
        // afresh; an import restores what was exported.
        var imported = write.Imported;
        var isLive = current?.IsLive == true;
        var version = current is { } c ? NextVersion(write.Key, c.Version) : imported?.Version ?? 1;
        var createdAt = ToMs(imported?.CreatedAt) ?? (isLive ? current!.Value.CreatedAt : nowMs);
        var updatedAt = ToMs(imported?.UpdatedAt) ?? nowMs;
        var accessedAt = ToMs(imported?.AccessedAt) ?? (isLive ? current!.Value.AccessedAt : null);
        var accessCount = imported?.AccessCount ?? (isLive ? current!.Value.AccessCount : 0);
        var expiresAt = ToMs(write.ExpiresAt);
        long? contentId = write.SharedContent is { } shared ? StoreShared(connection, write, shared.Data, shared.Codec) : null;
        var seq = connection.NextSequence();

        connection.Statement(AppendVersion)
            .Bind("$seq", seq).Bind("$key", write.Key).Bind("$namespace", write.Namespace).Bind("$version", version)
            .Bind("$prev_seq", current?.Seq).Bind("$op", (int)ChangeKind.Put)
            .Bind("$payload", contentId is null ? write.Payload : null).Bind("$content_id", contentId).Bind("$hash", write.Hash)
            .Bind("$raw_size", write.Payload.Length).Bind("$kind", write.Kind).Bind("$tags", EntryRows.FormatTags(write.Tags))
            .Bind("$metadata", write.Metadata?.GetRawText()).Bind("$importance", write.Importance).Bind("$agent", write.Agent)
            .Bind("$session", write.Session).Bind("$created_at", createdAt).Bind("$updated_at", updatedAt).Bind("$expires_at", expiresAt)
            .Bind("$imported_by", write.ImportedBy).Execute();
        connection.Statement(PointEntry).Bind("$key", write.Key).Bind("$seq", seq).Execute();
        if (imported?.AccessedAt is not null)
        {
            connection.Statement(SetAccess).Bind("$key", write.Key).Bind("$accessed_at", accessedAt).Bind("$access_count", accessCount).Execute();
        }
        else if (current is { IsLive: false, AccessedAt: not null })
        {
            // A key re-created after removal or expiry starts with fresh read statistics.
            DeleteAccess(connection, write.Key);
        }

        return new MemoryEntry
        {
            Key = write.Key,
            Text = write.Text,
            Value = write.Value,
            Kind = write.Kind,
            Tags = write.Tags,
            Metadata = write.Metadata,
            Importance = write.Importance,
            Agent = write.Agent,
            Version = version,
            Sequence = seq,
            CreatedAt = Timestamps.FromUnixMs(createdAt),
            UpdatedAt = Timestamps.FromUnixMs(updatedAt),
            AccessedAt = accessedAt is { } at ? Timestamps.FromUnixMs(at) : null,
            AccessCount = accessCount,
            ExpiresAt = write.ExpiresAt,
            ContentHashBytes = write.Hash,
        };
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

    /// <summary>
    /// Appends a removal version and points the entry at it. With <paramref name="purgeHistory"/> the key's earlier
    /// versions are deleted first and the removal starts a new chain: only the fact that the key went remains.
    /// </summary>
    private static bool Remove(StoreConnection connection, RemoveRequest request, ChangeKind reason, string? agent, long nowMs, bool purgeHistory)
    {
        CheckRemovalFence(connection, request, reason, nowMs);
        if (CurrentState.Read(connection, request.Key, nowMs) is not { Op: (int)ChangeKind.Put } current
            || (request.IfVersion is { } required && required != current.Version))
        {
            return false;
        }

        // Numbered before the purge: numbered after it, the removal could reuse the number of a version it erased, which a
        // watcher of the change feed has seen already, and so never see the removal.
        var seq = connection.NextSequence();
        if (purgeHistory)
        {
            connection.Statement("""
                    WITH RECURSIVE chain (seq) AS (
                        SELECT $seq UNION ALL SELECT v.prev_seq FROM versions v JOIN chain ON v.seq = chain.seq WHERE v.prev_seq IS NOT NULL)
                    DELETE FROM versions WHERE seq IN (SELECT seq FROM chain)
                    """)
                .Bind("$seq", current.Seq).Execute();
        }

        CountUsage(connection, current, null, Quotas.None);
        var version = NextVersion(request.Key, current.Version);
        connection.Statement(AppendVersion)
            .Bind("$seq", seq).Bind("$key", request.Key).Bind("$namespace", MemoryKeyNamespace(request.Key)).Bind("$version", version)
            .Bind("$prev_seq", purgeHistory ? null : (long?)current.Seq)
            .Bind("$op", (int)reason).BindNull("$payload").BindNull("$content_id").BindNull("$hash").Bind("$raw_size", 0L)
            .Bind("$kind", "").BindNull("$tags").BindNull("$metadata").Bind("$importance", 0.0).Bind("$agent", agent)
            .BindNull("$session").Bind("$created_at", current.CreatedAt).Bind("$updated_at", nowMs).BindNull("$expires_at")
            .BindNull("$imported_by").Execute();
        connection.Statement(PointEntry).Bind("$key", request.Key).Bind("$seq", seq).Execute();
        DeleteAccess(connection, request.Key);
        return true;
    }

    /// <summary>The version after <paramref name="current"/>; refuses to go past <see cref="EntryDefaults.MaxVersion"/> instead of wrapping.</summary>
    private static long NextVersion(string key, long current) => current < EntryDefaults.MaxVersion
        ? current + 1
        : throw SqliteErrors.VersionExhausted(key, current, EntryDefaults.MaxVersion);

    private static void DeleteAccess(StoreConnection connection, string key) =>
        connection.Statement("DELETE FROM access WHERE key = $key").Bind("$key", key).Execute();

    private static string MemoryKeyNamespace(string key) => Core.Keys.MemoryKey.GetNamespace(key);

    private static long? ToMs(DateTimeOffset? time) => time is { } t ? Timestamps.ToUnixMs(t) : null;

    /// <summary>What a write needs to know about the key's current version.</summary>
    private readonly record struct CurrentState(
        long Seq, long Version, int Op, long? ExpiresAt, long CreatedAt, long? AccessedAt, long AccessCount, bool IsLive,
        string? ChargedAgent, string? Session, long Size)
    {
        public static CurrentState? Read(StoreConnection connection, string key, long nowMs)
        {
            var row = connection.Statement(SelectCurrentState).Bind("$key", key);
            try
            {
                if (!row.Step())
                {
                    return null;
                }

                var op = row.Int(2);
                long? expiresAt = row.IsNull(3) ? null : row.Long(3);
                return new CurrentState(row.Long(0), row.Long(1), op, expiresAt, row.Long(4), row.IsNull(5) ? null : row.Long(5), row.Long(6),
                    op == (int)ChangeKind.Put && (expiresAt is null || expiresAt > nowMs), row.NullableText(7), row.NullableText(8), row.Long(9));
            }
            finally
            {
                row.Reset();
            }
        }
    }
}
