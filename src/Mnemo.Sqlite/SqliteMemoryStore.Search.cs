using Mnemo.Core.Entries;
using Mnemo.Core.Retrieval;
using Mnemo.Core.Time;
using Mnemo.Sqlite.Internal;
using Mnemo.Sqlite.Search;

namespace Mnemo.Sqlite;

public sealed partial class SqliteMemoryStore
{
    private const string TextIndex = "search_text";

    // Keys re-indexed per transaction while catching up, so that writers are not held up for long.
    private const int CatchUpBatch = 500;

    /// <inheritdoc />
    public async ValueTask<long> CatchUpTextIndexAsync(CancellationToken cancellationToken = default)
    {
        if (IsReadOnly)
        {
            return 0;
        }

        var total = 0L;
        while (true)
        {
            var done = await WriteAsync(connection => CatchUpBatchOfKeys(connection, cancellationToken), cancellationToken).ConfigureAwait(false);
            total += done;
            if (done < CatchUpBatch)
            {
                return total;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<(string Key, double Score)>> SearchTextAsync(
        string query, SearchFilter filter, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (Fts5Query.Build(query) is not { } match)
        {
            return new([]);
        }

        return new(Read<IReadOnlyList<(string, double)>>(connection =>
        {
            // Only rows of the current version count: an index that has not caught up never returns a stale text.
            var rows = connection.Statement($"""
                    SELECT v.key, bm25(search_text) AS rank
                    FROM search_text JOIN versions v ON v.seq = search_text.rowid JOIN entries e ON e.key = v.key AND e.seq = v.seq
                    WHERE search_text MATCH $match AND v.key >= $from AND v.key < $to AND {LiveAt}
                      AND ($kind IS NULL OR v.kind = $kind) AND ($since IS NULL OR v.updated_at >= $since)
                      AND (SELECT count(*) FROM json_each($tags) t WHERE t.value IN (SELECT value FROM json_each(v.tags)))
                          = json_array_length($tags)
                    ORDER BY rank LIMIT $limit
                    """)
                .Bind("$match", match).Bind("$from", filter.Prefix).Bind("$to", filter.Prefix + PrefixEnd)
                .Bind("$now", Timestamps.ToUnixMs(now)).Bind("$kind", filter.Kind).Bind("$since", filter.Since is { } since ? Timestamps.ToUnixMs(since) : null)
                .Bind("$tags", EntryRows.FormatTags(filter.Tags) ?? "[]").Bind("$limit", filter.Limit);
            try
            {
                var hits = new List<(string, double)>();
                while (rows.Step())
                {
                    hits.Add((rows.Text(0), -rows.Double(1)));
                }

                return hits;
            }
            finally
            {
                rows.Reset();
            }
        }));
    }

    /// <summary>Indexes the keys changed by the next batch of the version log; returns how many changes it read.</summary>
    private static int CatchUpBatchOfKeys(StoreConnection connection, CancellationToken cancellationToken)
    {
        var covered = connection.Statement("SELECT coalesce((SELECT seq FROM derived WHERE name = $name), 0)")
            .Bind("$name", TextIndex).One(row => row.Long(0), 0L);

        // A range of the log in sequence order (a rowid range, so the whole catch-up reads the log once).
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var read = 0;
        var through = covered;
        var rows = connection.Statement("SELECT seq, key, op FROM versions WHERE seq > $covered ORDER BY seq LIMIT $batch")
            .Bind("$covered", covered).Bind("$batch", CatchUpBatch);
        try
        {
            while (rows.Step())
            {
                read++;
                through = rows.Long(0);
                if (rows.Int(2) != (int)ChangeKind.Restore)
                {
                    keys.Add(rows.Text(1));
                }
            }
        }
        finally
        {
            rows.Reset();
        }

        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Reindex(connection, key);
        }

        connection.Statement("INSERT INTO derived (name, seq) VALUES ($name, $seq) ON CONFLICT (name) DO UPDATE SET seq = excluded.seq")
            .Bind("$name", TextIndex).Bind("$seq", through).Execute();
        return read;
    }

    /// <summary>Makes the index hold the key's current text, or nothing when the key is removed.</summary>
    private static void Reindex(StoreConnection connection, string key)
    {
        var indexed = connection.Statement("SELECT seq FROM search_docs WHERE key = $key").Bind("$key", key).One(row => (long?)row.Long(0), null);
        var current = connection.Statement($"{EntryRows.SelectCurrent} WHERE e.key = $key")
            .Bind("$key", key).One(row => EntryRows.ReadChange(row) == ChangeKind.Put ? EntryRows.Read(row) : null, null);
        if (indexed is { } old && old == current?.Sequence)
        {
            return;
        }

        if (indexed is { } stale)
        {
            connection.Statement("DELETE FROM search_text WHERE rowid = $rowid").Bind("$rowid", stale).Execute();
            connection.Statement("DELETE FROM search_docs WHERE key = $key").Bind("$key", key).Execute();
        }

        if (current is not null)
        {
            connection.Statement("INSERT INTO search_text (rowid, text) VALUES ($rowid, $text)").Bind("$rowid", current.Sequence)
                .Bind("$text", current.Text).Execute();
            connection.Statement("INSERT INTO search_docs (key, seq) VALUES ($key, $seq)").Bind("$key", key).Bind("$seq", current.Sequence)
                .Execute();
        }
    }
}
