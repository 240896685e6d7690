using Mnemo.Core.Storage;
using Mnemo.Core.Time;
using Mnemo.Sqlite.Internal;

namespace Mnemo.Sqlite;

// archive-cold: the current versions of entries unread and unwritten for long move to compressed storage and leave the
// vector index; the table `archived` (schema 8) lists them. See docs/design-notes.md.
internal sealed partial class SqliteMemoryStore
{
    // Entries archived per write transaction, so that other writers wait little.
    private const int ArchiveBatch = 200;

    // The cold, live, not yet archived current versions after $after_seq, in log order: the rows of one page are rewritten
    // one after another, so that SQLite merges the pages they leave underfull with their already rewritten neighbours
    // (in key order, scattered over the table, they freed no page: measured).
    private const string SelectCold = """
        SELECT e.key, v.seq, v.namespace, v.payload, v.content_id, v.hash, v.raw_size
        FROM versions v JOIN entries e ON e.key = v.key AND e.seq = v.seq LEFT JOIN access a ON a.key = e.key
        WHERE v.seq > $after_seq AND v.op = 0 AND (v.expires_at IS NULL OR v.expires_at > $now)
          AND max(v.updated_at, coalesce(a.accessed_at, 0)) < $cold
          AND NOT EXISTS (SELECT 1 FROM archived r WHERE r.seq = v.seq)
        ORDER BY v.seq LIMIT $limit
        """;

    /// <inheritdoc />
    public async ValueTask<ColdArchive> ArchiveColdAsync(DateTimeOffset coldBefore, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken = default)
    {
        var (cold, nowMs) = (Timestamps.ToUnixMs(coldBefore), Timestamps.ToUnixMs(now));
        var sequences = new List<long>();
        long rawBytes = 0;
        var compressed = 0;
        long afterSeq = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = dryRun
                ? Read(connection => ArchiveBatchOf(connection, cold, nowMs, afterSeq, dryRun: true))
                : await WriteAsync(connection => ArchiveBatchOf(connection, cold, nowMs, afterSeq, dryRun: false), cancellationToken).ConfigureAwait(false);
            foreach (var (seq, raw, moved) in batch.Archived)
            {
                sequences.Add(seq);
                rawBytes += raw;
                compressed += moved ? 1 : 0;
            }

            if (batch.LastSeq is not { } last)
            {
                return new ColdArchive(sequences, rawBytes, compressed);
            }

            afterSeq = last;
        }
    }

    /// <inheritdoc />
    public ValueTask<long> CountArchivedAsync(CancellationToken cancellationToken = default) =>
        new(Read(connection => connection.ScalarLong("SELECT count(*) FROM archived r JOIN entries e ON e.seq = r.seq")));

    /// <summary>
    /// Archives (or, in a dry run, only looks at) the next batch of cold versions after <paramref name="afterSeq"/>; returns
    /// them and the last sequence read, null when the batch was the last.
    /// </summary>
    private static (List<(long Seq, long Raw, bool Compressed)> Archived, long? LastSeq) ArchiveBatchOf(
        StoreConnection connection, long cold, long nowMs, long afterSeq, bool dryRun)
    {
        var rows = connection.Statement(SelectCold)
            .Bind("$after_seq", afterSeq).Bind("$now", nowMs).Bind("$cold", cold).Bind("$limit", ArchiveBatch)
            .All(row => (Key: row.Text(0), Seq: row.Long(1), Namespace: row.Text(2), Payload: row.IsNull(3) ? null : row.Blob(3),
                HasContent: !row.IsNull(4), Hash: row.IsNull(5) ? null : row.Blob(5), Raw: row.Long(6)));
        var archived = new List<(long, long, bool)>(rows.Count);
        foreach (var row in rows)
        {
            // Only an inline payload moves: a shared one is stored once per namespace and compressed already when that paid.
            var compressed = false;
            if (row is { HasContent: false, Payload: { } payload, Hash: { } hash })
            {
                var (data, codec) = ContentCodec.Compress(payload);
                compressed = codec != ContentCodec.Raw;
                if (compressed && !dryRun)
                {
                    var contentId = connection.Statement("SELECT id FROM contents WHERE namespace = $namespace AND hash = $hash")
                        .Bind("$namespace", row.Namespace).Bind("$hash", hash).One(r => (long?)r.Long(0), null)
                        ?? connection.Statement("""
                                INSERT INTO contents (namespace, hash, codec, raw_size, data) VALUES ($namespace, $hash, $codec, $raw_size, $data)
                                RETURNING id
                                """)
                            .Bind("$namespace", row.Namespace).Bind("$hash", hash).Bind("$codec", codec).Bind("$raw_size", payload.Length)
                            .Bind("$data", data).One(r => r.Long(0), 0L);

                    MoveToContent(connection, row.Key, row.Seq, contentId);
                }
            }

            if (!dryRun)
            {
                connection.Statement("INSERT OR IGNORE INTO archived (seq, archived_at) VALUES ($seq, $at)").Bind("$seq", row.Seq).Bind("$at", nowMs).Execute();
            }

            archived.Add((row.Seq, row.Raw, compressed));
        }

        return (archived, rows.Count < ArchiveBatch ? null : rows[^1].Seq);
    }

    /// <summary>
    /// Points a current version at a content row instead of its inline payload, keeping its seq and every other column.
    /// </summary>
    /// <remarks>
    /// Deleted and inserted again rather than updated: SQLite merges a page left underfull only when a row is deleted
    /// from it, so an update that shrinks rows leaves the pages in use as many as before (measured: pages grew, by the
    /// contents rows). The entry's row goes and comes back with it, so that the namespace totals' triggers subtract and
    /// add the same amounts (the version stays current, with its raw size). One write transaction: no reader sees between.
    /// </remarks>
    private static void MoveToContent(StoreConnection connection, string key, long seq, long contentId)
    {
        connection.Statement("CREATE TEMP TABLE IF NOT EXISTS archive_row AS SELECT * FROM versions WHERE 0").Execute();
        connection.Statement("INSERT INTO temp.archive_row SELECT * FROM versions WHERE seq = $seq").Bind("$seq", seq).Execute();
        connection.Statement("DELETE FROM entries WHERE key = $key").Bind("$key", key).Execute();
        connection.Statement("DELETE FROM versions WHERE seq = $seq").Bind("$seq", seq).Execute();
        connection.Statement("UPDATE temp.archive_row SET payload = NULL, content_id = $content_id").Bind("$content_id", contentId).Execute();
        connection.Statement("INSERT INTO versions SELECT * FROM temp.archive_row").Execute();
        connection.Statement("INSERT INTO entries (key, seq) VALUES ($key, $seq)").Bind("$key", key).Bind("$seq", seq).Execute();
        connection.Statement("DELETE FROM temp.archive_row").Execute();
    }
}
