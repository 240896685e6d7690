using Mnemo.Core.Storage;
using Mnemo.Core.Time;

namespace Mnemo.Sqlite;

// The doctor's queries: each one statement (one consistent read), its examples bounded by a LIMIT and its totals taken by a
// window over all matching rows before the LIMIT cuts them.
internal sealed partial class SqliteMemoryStore
{
    // What quotas and GetSizesAsync count as an entry's bytes: raw payload plus metadata.
    private const string ContentBytes = "(v.raw_size + coalesce(length(CAST(v.metadata AS BLOB)), 0))";

    /// <inheritdoc />
    public ValueTask<ExpiredEntries> GetExpiredEntriesAsync(DateTimeOffset now, int exampleLimit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exampleLimit);
        return new(Read(connection =>
        {
            var rows = connection.Statement($"""
                SELECT e.key, count(*) OVER (), sum({ContentBytes}) OVER (), min(v.expires_at) OVER ()
                FROM entries e JOIN versions v ON v.seq = e.seq
                WHERE v.op = 0 AND v.expires_at <= $now
                ORDER BY v.expires_at, e.key LIMIT max($limit, 1)
                """).Bind("$now", Timestamps.ToUnixMs(now)).Bind("$limit", exampleLimit)
                .All(row => (Key: row.Text(0), Count: row.Long(1), Bytes: row.Long(2), Oldest: row.Long(3)));
            return rows.Count == 0
                ? new ExpiredEntries(0, 0, null, [])
                : new ExpiredEntries(rows[0].Count, rows[0].Bytes, Timestamps.FromUnixMs(rows[0].Oldest), [.. rows.Take(exampleLimit).Select(r => r.Key)]);
        }));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<NamespaceReads>> GetNamespaceReadsAsync(
        DateTimeOffset unusedSince, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        // The bare e.key beside min() is SQLite's documented rule: it comes from the row holding the minimum.
        new(Read<IReadOnlyList<NamespaceReads>>(connection => connection.Statement($"""
                SELECT v.namespace, count(*),
                       sum(coalesce(a.accessed_at, v.updated_at) < $since),
                       sum(CASE WHEN coalesce(a.accessed_at, v.updated_at) < $since THEN {ContentBytes} ELSE 0 END),
                       min(coalesce(a.accessed_at, v.updated_at)), e.key
                FROM entries e JOIN versions v ON v.seq = e.seq LEFT JOIN access a ON a.key = e.key
                WHERE {LiveAt}
                GROUP BY v.namespace ORDER BY v.namespace
                """).Bind("$since", Timestamps.ToUnixMs(unusedSince)).Bind("$now", Timestamps.ToUnixMs(now))
            .All(row => new NamespaceReads(row.Text(0), row.Long(1), row.Long(2), row.Long(3), Timestamps.FromUnixMs(row.Long(4)), row.Text(5)))));

    /// <inheritdoc />
    public ValueTask<KeyCounts> FindRevertedKeysAsync(int exampleLimit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exampleLimit);

        // Walks each version's prev_seq twice (primary-key lookups), so one pass over the log finds every A, B, A.
        return new(Read(connection => KeyCounts(connection.Statement("""
                SELECT v.key, count(*) AS n, count(*) OVER ()
                FROM versions v JOIN versions p ON p.seq = v.prev_seq JOIN versions pp ON pp.seq = p.prev_seq
                WHERE v.op = 0 AND p.op = 0 AND pp.op = 0 AND v.hash = pp.hash AND v.hash <> p.hash
                GROUP BY v.key ORDER BY n DESC, v.key LIMIT max($limit, 1)
                """).Bind("$limit", exampleLimit), exampleLimit)));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<NamespaceWrites>> GetNamespaceWritesAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        // updated_at is when the version was written (created_at is when its key was first written).
        new(Read<IReadOnlyList<NamespaceWrites>>(connection => connection.Statement($"""
                SELECT v.namespace,
                       sum(v.updated_at >= $since), sum(CASE WHEN v.updated_at >= $since THEN {ContentBytes} ELSE 0 END),
                       sum(v.updated_at < $since), sum(CASE WHEN v.updated_at < $since THEN {ContentBytes} ELSE 0 END)
                FROM versions v WHERE v.op = 0
                GROUP BY v.namespace ORDER BY v.namespace
                """).Bind("$since", Timestamps.ToUnixMs(since))
            .All(row => new NamespaceWrites(row.Text(0), row.Long(1), row.Long(2), row.Long(3), row.Long(4)))));

    /// <inheritdoc />
    public ValueTask<KeyCounts> FindDeepHistoriesAsync(int minVersions, int exampleLimit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minVersions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(exampleLimit);
        return new(Read(connection => KeyCounts(connection.Statement("""
                SELECT key, count(*) AS n, count(*) OVER () FROM versions
                GROUP BY key HAVING n >= $min ORDER BY n DESC, key LIMIT max($limit, 1)
                """).Bind("$min", minVersions).Bind("$limit", exampleLimit), exampleLimit)));
    }

    /// <inheritdoc />
    public ValueTask<OrphanLinks> FindOrphanLinksAsync(DateTimeOffset now, int exampleLimit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exampleLimit);
        return new(Read(connection =>
        {
            var rows = connection.Statement($"""
                SELECT {LinkColumns}, count(*) OVER () FROM links l
                WHERE NOT EXISTS (SELECT 1 FROM entries e JOIN versions v ON v.seq = e.seq WHERE e.key = l.from_key AND {LiveAt})
                   OR NOT EXISTS (SELECT 1 FROM entries e JOIN versions v ON v.seq = e.seq WHERE e.key = l.to_key AND {LiveAt})
                ORDER BY l.from_key, l.relation, l.to_key LIMIT max($limit, 1)
                """).Bind("$now", Timestamps.ToUnixMs(now)).Bind("$limit", exampleLimit)
                .All(row => (Link: ReadLink(row), Count: row.Long(6)));
            return new OrphanLinks(rows.Count == 0 ? 0 : rows[0].Count, [.. rows.Take(exampleLimit).Select(r => r.Link)]);
        }));
    }

    // At least one row is read (LIMIT max(limit, 1)) so that the total is known even when no example is wanted.
    private static KeyCounts KeyCounts(Internal.RawStatement statement, int exampleLimit)
    {
        var rows = statement.All(row => (Key: row.Text(0), Count: row.Long(1), Total: row.Long(2)));
        return new KeyCounts(rows.Count == 0 ? 0 : rows[0].Total, [.. rows.Take(exampleLimit).Select(r => new KeyCount(r.Key, r.Count))]);
    }
}
