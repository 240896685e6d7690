using Microsoft.Data.Sqlite;
using Mnemo.Core;
using Mnemo.Core.Storage;
using Mnemo.Core.Time;
using Mnemo.Sqlite.Internal;

namespace Mnemo.Sqlite;

internal sealed partial class SqliteMemoryStore
{
    // Appended to a prefix, sorts after every key that starts with it (U+10FFFF is the largest code point).
    private const string PrefixEnd = "\U0010FFFF";

    private const string LiveAt = "v.op = 0 AND (v.expires_at IS NULL OR v.expires_at > $now)";

    private const string SelectByKey = $"{EntryRows.SelectCurrent} WHERE e.key = $key";

    /// <inheritdoc />
    public ValueTask<MemoryEntry?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        new(Read(connection => ReadCurrentEntry(connection, key)));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MemoryEntry>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return new([]);
        }

        return new(Read<IReadOnlyList<MemoryEntry>>(connection =>
        {
            var entries = new List<MemoryEntry>(keys.Count);
            var statement = connection.Statement(SelectByKey);
            foreach (var key in keys)
            {
                if (statement.Bind("$key", key).One(ReadPut, null) is { } entry)
                {
                    entries.Add(entry);
                }
            }

            return entries;
        }));
    }

    /// <inheritdoc />
    public ValueTask<MemoryEntry?> GetAsOfAsync(string key, DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        new(Read(connection => connection
            .Statement($"{EntryRows.SelectChain} WHERE v.updated_at <= $at ORDER BY v.version DESC LIMIT 1")
            .Bind("$key", key).Bind("$at", Timestamps.ToUnixMs(asOf)).One(ReadPut, null)));

    /// <inheritdoc />
    public ValueTask<MemoryEntry?> GetVersionAsync(string key, long version, CancellationToken cancellationToken = default) =>
        new(Read(connection => connection
            .Statement($"{EntryRows.SelectChain} WHERE v.version = $version")
            .Bind("$key", key).Bind("$version", version).One(ReadPut, null)));

    /// <inheritdoc />
    public ValueTask<EntryPage> ListAsync(string prefix, string? after, int limit, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        new(Read(connection =>
        {
            var rows = connection.Statement($"""
                    {EntryRows.SelectCurrent}
                    WHERE e.key >= $from AND e.key < $to AND e.key > $after AND {LiveAt}
                    ORDER BY e.key LIMIT $limit
                    """)
                .Bind("$from", prefix).Bind("$to", prefix + PrefixEnd).Bind("$after", after ?? "").Bind("$now", Timestamps.ToUnixMs(now))
                .Bind("$limit", limit + 1);
            try
            {
                var entries = new List<MemoryEntry>(Math.Min(limit, 256));
                while (rows.Step())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (entries.Count == limit)
                    {
                        return new EntryPage(entries, entries[^1].Key);
                    }

                    entries.Add(EntryRows.Read(rows));
                }

                return new EntryPage(entries, null);
            }
            finally
            {
                rows.Reset();
            }
        }));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<EntryVersion>> GetHistoryAsync(string key, CancellationToken cancellationToken = default) =>
        new(Read<IReadOnlyList<EntryVersion>>(connection =>
        {
            var rows = connection.Statement($"{EntryRows.SelectChain} ORDER BY v.version").Bind("$key", key);
            try
            {
                var history = new List<EntryVersion>();
                while (rows.Step())
                {
                    var change = EntryRows.ReadChange(rows);
                    history.Add(new EntryVersion(
                        EntryRows.ReadVersion(rows), change, EntryRows.ReadUpdatedAt(rows), EntryRows.ReadAgent(rows),
                        change == ChangeKind.Put ? EntryRows.Read(rows) : null, EntryRows.ReadImportedBy(rows)));
                }

                return history;
            }
            finally
            {
                rows.Reset();
            }
        }));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<(string Key, long Version)>> FindAsync(
        string prefix, CandidateFilter filter, DateTimeOffset now, DateTimeOffset? unusedSince = null, CancellationToken cancellationToken = default)
    {
        var condition = filter switch
        {
            CandidateFilter.Live => LiveAt,
            CandidateFilter.Expired => "v.op = 0 AND v.expires_at <= $now",
            CandidateFilter.Unused => $"{LiveAt} AND coalesce(a.accessed_at, v.updated_at) < $since",
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "unknown filter"),
        };
        return new(Read<IReadOnlyList<(string, long)>>(connection =>
        {
            using var rows = connection.Query(
                $"""
                SELECT e.key, v.version FROM entries e JOIN versions v ON v.seq = e.seq LEFT JOIN access a ON a.key = e.key
                WHERE e.key >= $from AND e.key < $to AND {condition} ORDER BY e.key
                """,
                ("$from", prefix), ("$to", prefix + PrefixEnd), ("$now", Timestamps.ToUnixMs(now)),
                ("$since", unusedSince is { } since ? Timestamps.ToUnixMs(since) : 0L));
            var found = new List<(string, long)>();
            while (rows.Read())
            {
                found.Add((rows.GetString(0), rows.GetInt64(1)));
            }

            return found;
        }));
    }

    /// <inheritdoc />
    /// <remarks>One step down the rowid B-tree of the version log.</remarks>
    public ValueTask<long> GetLastSequenceAsync(CancellationToken cancellationToken = default)
    {
        lock (_pollLock)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            try
            {
                return new(_poller.Statement("SELECT coalesce(max(seq), 0) FROM versions").One(row => row.Long(0), 0L));
            }
            catch (SqliteException e)
            {
                throw SqliteErrors.Translate(e, Location);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<ChangeBatch> GetChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        lock (_pollLock)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            try
            {
                // The stamp changes whenever any connection in any process commits; if it has not, and the caller has
                // seen everything up to our last look, there is nothing new and no query is needed.
                var dataVersion = ReadCommitStamp();
                if (dataVersion == _lastDataVersion && afterSequence >= _polledThrough)
                {
                    return new(new ChangeBatch(afterSequence, []));
                }

                var changes = new List<ChangeRecord>();
                var rows = _poller.Statement("SELECT seq, key, version, op, agent, updated_at FROM versions WHERE seq > $after ORDER BY seq LIMIT $limit")
                    .Bind("$after", afterSequence).Bind("$limit", limit);
                try
                {
                    while (rows.Step())
                    {
                        changes.Add(new ChangeRecord(rows.Long(0), rows.Text(1), rows.Long(2), (ChangeKind)rows.Int(3), rows.NullableText(4),
                            Timestamps.FromUnixMs(rows.Long(5))));
                    }
                }
                finally
                {
                    rows.Reset();
                }

                var last = changes.Count > 0 ? changes[^1].Sequence : afterSequence;
                if (changes.Count < limit)
                {
                    _lastDataVersion = dataVersion;
                    _polledThrough = last;
                }

                return new(new ChangeBatch(last, changes));
            }
            catch (SqliteException e)
            {
                throw SqliteErrors.Translate(e, Location);
            }
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<MemoryEntry> ExportAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ExportRows($"""
            {EntryRows.SelectCurrent}
            WHERE {LiveAt} ORDER BY e.key
            """, now, EntryRows.Read, cancellationToken).ToAsyncEnumerable();

    /// <summary>The WAL-index change counter when it could be mapped, else SQLite's data_version (same meaning, slower).</summary>
    private long ReadCommitStamp() => _walHeader is { } header
        ? (long)header.CommitStamp()
        : _poller.Statement("PRAGMA data_version").One(row => row.Long(0), 0L);

    private static MemoryEntry? ReadPut(RawStatement row) => EntryRows.ReadChange(row) == ChangeKind.Put ? EntryRows.Read(row) : null;

    /// <summary>Streams the rows of a query that binds <c>$now</c>, in one read transaction.</summary>
    private IEnumerable<T> ExportRows<T>(string sql, DateTimeOffset now, Func<RawStatement, T> read, CancellationToken cancellationToken)
    {
        var connection = RentReader();
        RawStatement? rows = null;
        try
        {
            // One read transaction: the export is a snapshot even while other processes write.
            rows = Translated(() =>
            {
                connection.Execute("BEGIN");
                return connection.Statement(sql).Bind("$now", Timestamps.ToUnixMs(now));
            });
            while (NextRow(rows))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return read(rows);
            }
        }
        finally
        {
            rows?.Reset();
            EndRead(connection);
        }
    }

    /// <summary>
    /// Ends a read transaction and returns the connection to the pool. Ending a read on a damaged file can fail too: that
    /// failure must read as the damage, not as SQLite's raw error, and the connection is closed rather than pooled.
    /// </summary>
    private void EndRead(StoreConnection connection)
    {
        try
        {
            if (connection.InTransaction)
            {
                connection.Execute("COMMIT");
            }
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw SqliteErrors.Translate(e, Location);
        }

        ReturnReader(connection);
    }

    /// <summary>Runs <paramref name="step"/>, turning SQLite's failures into <see cref="Core.MnemoException"/>s (for iterators, which cannot catch around a yield).</summary>
    private T Translated<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Translate(e, Location);
        }
    }

    private bool NextRow(RawStatement rows)
    {
        try
        {
            return rows.Step();
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Translate(e, Location);
        }
    }
}
