using Microsoft.Data.Sqlite;
using Mnemo.Core.Entries;
using Mnemo.Core.Storage;
using Mnemo.Core.Time;
using Mnemo.Sqlite.Internal;

namespace Mnemo.Sqlite;

public sealed partial class SqliteMemoryStore
{
    // Appended to a prefix, sorts after every key that starts with it (U+10FFFF is the largest code point).
    private const string PrefixEnd = "\U0010FFFF";

    private const string LiveAt = "e.op = 0 AND (e.expires_at IS NULL OR e.expires_at > $now)";

    /// <inheritdoc />
    public ValueTask<MemoryEntry?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        new(Read(connection =>
        {
            using var row = connection.Query(
                $"SELECT {EntryRows.EntryColumns} FROM entries e LEFT JOIN contents c ON c.id = e.content_id WHERE e.key = $key",
                ("$key", key));
            return row.Read() && EntryRows.ReadChange(row) == ChangeKind.Put ? EntryRows.Read(row) : null;
        }));

    /// <inheritdoc />
    public ValueTask<MemoryEntry?> GetAsOfAsync(string key, DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        new(Read(connection =>
        {
            using var row = connection.Query(
                $"SELECT * FROM ({EntryRows.AllVersionsOfKey}) WHERE updated_at <= $at ORDER BY version DESC LIMIT 1",
                ("$key", key), ("$at", Timestamps.ToUnixMs(asOf)));
            return row.Read() && EntryRows.ReadChange(row) == ChangeKind.Put ? EntryRows.Read(row) : null;
        }));

    /// <inheritdoc />
    public ValueTask<MemoryEntry?> GetVersionAsync(string key, long version, CancellationToken cancellationToken = default) =>
        new(Read(connection =>
        {
            using var row = connection.Query(
                $"SELECT * FROM ({EntryRows.AllVersionsOfKey}) WHERE version = $version", ("$key", key), ("$version", version));
            return row.Read() && EntryRows.ReadChange(row) == ChangeKind.Put ? EntryRows.Read(row) : null;
        }));

    /// <inheritdoc />
    public ValueTask<EntryPage> ListAsync(string prefix, string? after, int limit, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        new(Read(connection =>
        {
            using var rows = connection.Query($"""
                SELECT {EntryRows.EntryColumns} FROM entries e LEFT JOIN contents c ON c.id = e.content_id
                WHERE e.key >= $from AND e.key < $to AND e.key > $after AND {LiveAt}
                ORDER BY e.key LIMIT $limit
                """,
                ("$from", prefix), ("$to", prefix + PrefixEnd), ("$after", after ?? ""), ("$now", Timestamps.ToUnixMs(now)),
                ("$limit", limit + 1));
            var entries = new List<MemoryEntry>(Math.Min(limit, 256));
            while (rows.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entries.Count == limit)
                {
                    return new EntryPage(entries, entries[^1].Key);
                }

                entries.Add(EntryRows.Read(rows));
            }

            return new EntryPage(entries, null);
        }));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<EntryVersion>> GetHistoryAsync(string key, CancellationToken cancellationToken = default) =>
        new(Read<IReadOnlyList<EntryVersion>>(connection =>
        {
            using var rows = connection.Query($"SELECT * FROM ({EntryRows.AllVersionsOfKey}) ORDER BY version", ("$key", key));
            var history = new List<EntryVersion>();
            while (rows.Read())
            {
                var change = EntryRows.ReadChange(rows);
                history.Add(new EntryVersion(
                    EntryRows.ReadVersion(rows), change, EntryRows.ReadUpdatedAt(rows), EntryRows.ReadAgent(rows),
                    change == ChangeKind.Put ? EntryRows.Read(rows) : null));
            }

            return history;
        }));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<(string Key, long Version)>> FindAsync(
        string prefix, CandidateFilter filter, DateTimeOffset now, DateTimeOffset? unusedSince = null, CancellationToken cancellationToken = default)
    {
        var condition = filter switch
        {
            CandidateFilter.Live => LiveAt,
            CandidateFilter.Expired => "e.op = 0 AND e.expires_at <= $now",
            CandidateFilter.Unused => $"{LiveAt} AND coalesce(e.accessed_at, e.updated_at) < $since",
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "unknown filter"),
        };
        return new(Read<IReadOnlyList<(string, long)>>(connection =>
        {
            using var rows = connection.Query(
                $"SELECT e.key, e.version FROM entries e WHERE e.key >= $from AND e.key < $to AND {condition} ORDER BY e.key",
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
    public ValueTask<ChangeBatch> GetChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        lock (_pollLock)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            try
            {
                // data_version changes whenever another connection (in any process) commits; if it has not, and the
                // caller has seen everything up to our last look, there is nothing new and no query is needed.
                var dataVersion = _poller.ScalarLong("PRAGMA data_version");
                if (dataVersion == _lastDataVersion && afterSequence >= _polledThrough)
                {
                    return new(new ChangeBatch(afterSequence, []));
                }

                var changes = new List<ChangeRecord>();
                using (var rows = _poller.Query(
                           "SELECT seq, key, version, op, agent, at FROM changes WHERE seq > $after ORDER BY seq LIMIT $limit",
                           ("$after", afterSequence), ("$limit", limit)))
                {
                    while (rows.Read())
                    {
                        changes.Add(new ChangeRecord(rows.GetInt64(0), rows.GetString(1), rows.GetInt64(2), (ChangeKind)rows.GetInt32(3),
                            rows.IsDBNull(4) ? null : rows.GetString(4), Timestamps.FromUnixMs(rows.GetInt64(5))));
                    }
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
        ExportRows(now, cancellationToken).ToAsyncEnumerable();

    private IEnumerable<MemoryEntry> ExportRows(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = RentReader();
        try
        {
            // One read transaction: the export is a snapshot even while other processes write.
            connection.Execute("BEGIN");
            using var rows = connection.Query($"""
                SELECT {EntryRows.EntryColumns} FROM entries e LEFT JOIN contents c ON c.id = e.content_id
                WHERE {LiveAt} ORDER BY e.key
                """, ("$now", Timestamps.ToUnixMs(now)));
            while (NextRow(rows))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return EntryRows.Read(rows);
            }
        }
        finally
        {
            if (connection.InTransaction)
            {
                connection.Execute("COMMIT");
            }

            ReturnReader(connection);
        }
    }

    private bool NextRow(SqliteDataReader rows)
    {
        try
        {
            return rows.Read();
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Translate(e, Location);
        }
    }
}
