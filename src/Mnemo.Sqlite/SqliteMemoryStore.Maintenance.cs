using System.Text.Json;
using Microsoft.Data.Sqlite;
using Mnemo.Core;
using Mnemo.Core.Entries;
using Mnemo.Core.Errors;
using Mnemo.Core.Keys;
using Mnemo.Core.Storage;
using Mnemo.Core.Time;
using Mnemo.Sqlite.Internal;

namespace Mnemo.Sqlite;

internal sealed partial class SqliteMemoryStore
{
    private const int MaxReportedProblems = 50;

    /// <inheritdoc />
    public ValueTask<StoreStatus> GetStatusAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        new(Read(connection =>
        {
            var nowMs = Timestamps.ToUnixMs(now);
            connection.Execute("BEGIN");
            try
            {
                using var counts = connection.Query("""
                    SELECT
                        count(*) FILTER (WHERE v.op = 0 AND (v.expires_at IS NULL OR v.expires_at > $now)),
                        count(*) FILTER (WHERE v.op = 0 AND v.expires_at <= $now),
                        count(*) FILTER (WHERE v.op <> 0),
                        count(DISTINCT v.namespace) FILTER (WHERE v.op = 0 AND (v.expires_at IS NULL OR v.expires_at > $now)),
                        count(*),
                        (SELECT coalesce(sum(length(payload)), 0) FROM versions),
                        (SELECT count(*) FROM versions WHERE op <> 4),
                        (SELECT coalesce(max(seq), 0) FROM versions)
                    FROM entries e JOIN versions v ON v.seq = e.seq
                    """, ("$now", nowMs));
                counts.Read();
                using var shared = connection.Query("""
                    SELECT count(*), count(*) FILTER (WHERE codec <> 0), coalesce(sum(raw_size), 0), coalesce(sum(length(data)), 0),
                        (SELECT count(*) FROM versions WHERE content_id IS NOT NULL),
                        (SELECT coalesce(sum(raw_size), 0) FROM versions WHERE content_id IS NOT NULL)
                    FROM contents
                    """);
                shared.Read();
                return new StoreStatus
                {
                    Location = Location,
                    Backend = "sqlite",
                    BackendVersion = connection.Connection.ServerVersion,
                    SchemaVersion = (int)connection.ScalarLong("PRAGMA user_version"),
                    DatabaseBytes = FileSize(Location),
                    WalBytes = FileSize(Location + "-wal"),
                    Files = ListFiles(),
                    LiveEntries = counts.GetInt64(0),
                    ExpiredEntries = counts.GetInt64(1),
                    RemovedEntries = counts.GetInt64(2),
                    Namespaces = counts.GetInt64(3),
                    InlinePayloadBytes = counts.GetInt64(5),
                    HistoryVersions = counts.GetInt64(6) - counts.GetInt64(4),
                    LastSequence = counts.GetInt64(7),
                    SharedContents = shared.GetInt64(0),
                    CompressedContents = shared.GetInt64(1),
                    SharedContentRawBytes = shared.GetInt64(2),
                    SharedContentStoredBytes = shared.GetInt64(3),
                    SharedContentReferences = shared.GetInt64(4),
                    SharedContentReferencedBytes = shared.GetInt64(5),
                };
            }
            finally
            {
                connection.Execute("COMMIT");
            }
        }));

    /// <inheritdoc />
    public ValueTask<CheckReport> CheckAsync(CancellationToken cancellationToken = default) =>
        new(Read(connection => Check(connection, cancellationToken)));

    /// <inheritdoc />
    public async ValueTask CheckpointAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (IsReadOnly)
        {
            return;
        }

        bool complete;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // On the background checkpointer's connection, so the two never run at once.
            _checkpointer ??= NewCheckpointer();
            complete = _checkpointer.Run("FULL");
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Translate(e, Location);
        }
        finally
        {
            _writeLock.Release();
        }

        if (!complete)
        {
            throw SqliteErrors.BackupIncomplete(Location);
        }
    }

    /// <inheritdoc />
    public ValueTask BackupAsync(string path, CancellationToken cancellationToken = default)
    {
        if (File.Exists(path))
        {
            throw SqliteErrors.BackupExists(path);
        }

        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            throw SqliteErrors.BackupDirectoryMissing(directory);
        }

        // Written beside the target and renamed, so a crash never leaves a half-written file under the real name.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Read(connection =>
            {
                try
                {
                    using var destination = new StoreConnection(new SqliteConnection(
                        new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()));
                    destination.Connection.Open();
                    connection.Connection.BackupDatabase(destination.Connection);
                    destination.Execute("PRAGMA journal_mode = DELETE");

                    // The copy is a store of its own from now on: a vector index made for this store must not be taken
                    // for the copy's when the copy is put in place by hand.
                    SqliteSchema.Reidentify(destination);
                }
                catch (SqliteException e) when (IsTargetFailure(e))
                {
                    throw SqliteErrors.Translate(e, path, "backup file");
                }

                return 0;
            });
            File.Move(temporary, path);
        }
        finally
        {
            // SQLite's rollback journal of the copy too, which a failed write (a full disk) leaves behind.
            foreach (var leftover in (string[])[temporary, temporary + "-journal", temporary + "-wal", temporary + "-shm"])
            {
                File.Delete(leftover);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask RestoreAsync(string path, CancellationToken cancellationToken = default)
    {
        using var source = OpenBackup(path);
        VerifyBackup(source, path, cancellationToken);
        await WriteAsync(connection =>
        {
            var before = connection.HighestSequence();

            // The backup API needs the destination outside a transaction; it takes its own exclusive lock.
            connection.Execute("COMMIT");
            source.Connection.BackupDatabase(connection.Connection);
            connection.Execute("BEGIN IMMEDIATE");
            SqliteSchema.EnsureCurrent(connection, Location);

            // A restored store is another store than the one replaced (and than earlier restores of the same backup): a
            // new identity, so that files derived from the replaced one (vector indexes) are rebuilt, not caught up.
            SqliteSchema.Reidentify(connection);

            // Continue the sequence past both histories and mark the restore, so every process drops its cache.
            var after = connection.HighestSequence();
            connection.Execute("""
                INSERT INTO versions (seq, key, namespace, version, op, raw_size, kind, importance, created_at, updated_at)
                VALUES ($seq, '', '', 0, $op, 0, '', 0, $at, $at)
                """,
                ("$seq", Math.Max(before, after) + 1), ("$op", (int)ChangeKind.Restore), ("$at", Timestamps.ToUnixMs(DateTimeOffset.UtcNow)));
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a backup to restore from, read-only and leaving no file beside it.</summary>
    private static StoreConnection OpenBackup(string path)
    {
        if (!File.Exists(path))
        {
            throw SqliteErrors.BackupMissing(path);
        }

        if (!SqliteFileHeader.IsPresent(path))
        {
            throw SqliteErrors.BackupNotSqlite(path);
        }

        var source = new StoreConnection(new SqliteConnection(ReadOnlyOpen.ConnectionString(path)));
        try
        {
            source.Connection.Open();
            return source;
        }
        catch (SqliteException e)
        {
            source.Dispose();
            throw SqliteErrors.Translate(e, path, "backup");
        }
    }

    /// <summary>
    /// Refuses a backup that is not a Mnemo database this version can read, or that fails any of the checks <c>mnemo
    /// check</c> makes (SQLite's integrity check, then Mnemo's invariants with every content hash), before anything of the
    /// live store is replaced.
    /// </summary>
    private static void VerifyBackup(StoreConnection source, string path, CancellationToken cancellationToken)
    {
        CheckReport report;
        try
        {
            SqliteSchema.Verify(source, path);
            report = Check(source, cancellationToken);
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Translate(e, path, "backup");
        }

        if (!report.IsHealthy)
        {
            var more = report.Problems.Count > 1 ? $" (and {report.Problems.Count - 1} more)" : "";
            throw SqliteErrors.BackupDamaged(path, report.Problems[0], more);
        }
    }

    /// <summary>SQLite's integrity check, then, when the file is sound, Mnemo's own invariants, on one snapshot.</summary>
    private static CheckReport Check(StoreConnection connection, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        using (var rows = connection.Query("PRAGMA integrity_check"))
        {
            while (rows.Read() && problems.Count < MaxReportedProblems)
            {
                var line = rows.GetString(0);
                if (line != "ok")
                {
                    problems.Add($"sqlite: {line}");
                }
            }
        }

        if (problems.Count > 0)
        {
            // Mnemo's own checks would only repeat what a damaged file makes unreliable.
            return new CheckReport(problems, 0, 0, 0);
        }

        connection.Execute("BEGIN");
        try
        {
            var contents = CheckContents(connection, problems, cancellationToken);
            var versions = CheckVersions(connection, problems, cancellationToken);
            var entries = CheckEntries(connection, problems);
            CheckNamespaceTotals(connection, problems);
            return new CheckReport(problems, entries, versions, contents);
        }
        finally
        {
            connection.Execute("COMMIT");
        }
    }

    /// <summary>
    /// True when a failure of the backup API is the target's: it could not be created or written (disk full, I/O error on
    /// write, read-only). Read errors and damage are the live database's.
    /// </summary>
    private static bool IsTargetFailure(SqliteException e)
    {
        const int ReadOnly = 8, IoError = 10, Full = 13, CantOpen = 14;
        const int IoErrRead = IoError | (1 << 8), IoErrShortRead = IoError | (2 << 8);
        return (e.SqliteErrorCode & 0xFF) switch
        {
            Full or CantOpen or ReadOnly => true,
            IoError => e.SqliteExtendedErrorCode is not (IoErrRead or IoErrShortRead),
            _ => false,
        };
    }

    private static long CheckContents(StoreConnection connection, List<string> problems, CancellationToken cancellationToken)
    {
        var checkedCount = 0L;
        using var rows = connection.Query("SELECT id, namespace, hash, codec, raw_size, data FROM contents");
        while (rows.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            checkedCount++;
            var id = rows.GetInt64(0);
            try
            {
                if (rows[5] is not byte[] data || rows[2] is not byte[] hash)
                {
                    Report(problems, $"shared content {id}: its data or hash is not stored as bytes");
                    continue;
                }

                var payload = ContentCodec.Decompress(data, rows.GetInt32(3), rows.GetInt64(4));
                if (!ContentCodec.Hash(payload).AsSpan().SequenceEqual(hash))
                {
                    Report(problems, $"shared content {id} in namespace {UserValue.Quote(rows.GetString(1))}: hash does not match its data");
                }
            }
            catch (MnemoException e)
            {
                Report(problems, $"shared content {id}: {e.Message}");
            }
        }

        return checkedCount;
    }

    private static long CheckVersions(StoreConnection connection, List<string> problems, CancellationToken cancellationToken)
    {
        var checkedCount = 0L;
        using (var rows = connection.Query("""
                   SELECT v.key, v.version, v.op, v.payload, v.content_id, v.hash, c.id, v.namespace, c.data, c.codec, c.raw_size,
                          v.tags, v.metadata
                   FROM versions v LEFT JOIN contents c ON c.id = v.content_id WHERE v.op <> 4
                   """))
        {
            while (rows.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                checkedCount++;
                var key = rows.GetString(0);
                var where = $"{UserValue.Quote(key)} version {rows.GetInt64(1)}";
                if (MemoryKey.Check(key) is { } keyProblem)
                {
                    Report(problems, $"{where}: invalid key ({keyProblem})");
                }
                else if (rows.GetString(7) != MemoryKey.GetNamespace(key))
                {
                    Report(problems, $"{where}: namespace column {UserValue.Quote(rows.GetString(7))} does not match the key");
                }

                if (rows.GetInt32(2) != (int)ChangeKind.Put)
                {
                    continue;
                }

                var inline = !rows.IsDBNull(3);
                var shared = !rows.IsDBNull(4);
                if (inline == shared || rows.IsDBNull(5))
                {
                    Report(problems, $"{where}: a write must have exactly one of inline payload and shared content, and a hash");
                }
                else if (shared && rows.IsDBNull(6))
                {
                    Report(problems, $"{where}: refers to shared content {rows.GetInt64(4)}, which does not exist");
                }
                else if (inline && (rows[3] is not byte[] || rows[5] is not byte[]))
                {
                    // Written by hand or damaged: SQLite keeps whatever type a value was given.
                    Report(problems, $"{where}: its payload or hash is not stored as bytes");
                }
                else if (inline && !ContentCodec.Hash((byte[])rows[3]).AsSpan().SequenceEqual((byte[])rows[5]))
                {
                    Report(problems, $"{where}: hash does not match its payload");
                }
                else if (FindInvalidUnicode(rows, inline) is { } unicode)
                {
                    Report(problems, $"{where}: {unicode}, which no JSON output can hold (an export and JSON output fail on it): store the entry again without it, or forget it");
                }
            }
        }

        // Each version's predecessor is an earlier version of the same key.
        using (var rows = connection.Query("""
                   SELECT v.key, v.version, v.prev_seq FROM versions v LEFT JOIN versions p ON p.seq = v.prev_seq
                   WHERE v.prev_seq IS NOT NULL AND (p.seq IS NULL OR p.key <> v.key OR p.version >= v.version)
                   """))
        {
            while (rows.Read())
            {
                Report(problems, $"{UserValue.Quote(rows.GetString(0))} version {rows.GetInt64(1)}: its previous version (change {rows.GetInt64(2)}) is missing or not earlier");
            }
        }

        return checkedCount;
    }

    /// <summary>The running totals per namespace (schema 7) against a recount of the versions and entries they stand for.</summary>
    private static void CheckNamespaceTotals(StoreConnection connection, List<string> problems)
    {
        using var rows = connection.Query("""
            WITH recount (namespace, versions, current, entries, bytes) AS (
                SELECT namespace, sum(versions), sum(current), sum(entries), sum(bytes) FROM (
                    SELECT namespace, count(*) AS versions, 0 AS current, 0 AS entries, 0 AS bytes FROM versions WHERE op <> 4 GROUP BY namespace
                    UNION ALL
                    SELECT v.namespace, 0, count(*), sum(v.op = 0),
                           sum(CASE WHEN v.op = 0 THEN v.raw_size + coalesce(length(CAST(v.metadata AS BLOB)), 0) ELSE 0 END)
                    FROM entries e JOIN versions v ON v.seq = e.seq WHERE v.op <> 4 GROUP BY v.namespace)
                GROUP BY namespace)
            SELECT coalesce(r.namespace, t.namespace), t.versions, t.current, t.entries, t.bytes, r.versions, r.current, r.entries, r.bytes
            FROM recount r FULL JOIN namespace_totals t ON t.namespace = r.namespace
            WHERE coalesce(t.versions, 0) <> coalesce(r.versions, 0) OR coalesce(t.current, 0) <> coalesce(r.current, 0)
               OR coalesce(t.entries, 0) <> coalesce(r.entries, 0) OR coalesce(t.bytes, 0) <> coalesce(r.bytes, 0)
            """);
        while (rows.Read())
        {
            string Figures(int first) => rows.IsDBNull(first)
                ? "none"
                : $"{rows.GetInt64(first)} versions, {rows.GetInt64(first + 1)} current, {rows.GetInt64(first + 2)} entries, {rows.GetInt64(first + 3)} bytes";
            Report(problems, $"namespace {UserValue.Quote(rows.GetString(0))}: its running totals ({Figures(1)}) differ from a recount ({Figures(5)})");
        }
    }

    /// <summary>
    /// Which field of a put version (a row of the version check) holds text that is not valid Unicode, or null. Writes
    /// refuse such text since Mnemo checks it (<see cref="UnicodeText"/>); a store written before may still hold it, as an
    /// unpaired surrogate escape in the value, the metadata or a tag.
    /// </summary>
    private static string? FindInvalidUnicode(SqliteDataReader rows, bool inline)
    {
        try
        {
            var payload = inline ? (byte[])rows[3] : ContentCodec.Decompress((byte[])rows[8], rows.GetInt32(9), rows.GetInt64(10));
            if (ContentCodec.Decode(payload).Value is { } value && UnicodeText.FindInJson(value) is { } valuePath)
            {
                return $"the value holds an unpaired UTF-16 surrogate at {valuePath}";
            }

            if (!rows.IsDBNull(12) && UnicodeText.FindInJson(EntryRows.ParseJson(rows.GetString(12))) is { } metadataPath)
            {
                return $"the metadata holds an unpaired UTF-16 surrogate at {metadataPath}";
            }

            return !rows.IsDBNull(11) && UnicodeText.FindInJson(EntryRows.ParseJson(rows.GetString(11))) is not null
                ? "a tag holds an unpaired UTF-16 surrogate"
                : null;
        }
        catch (Exception e) when (e is MnemoException or JsonException)
        {
            return $"its content cannot be read ({e.Message})";
        }
    }

    private static long CheckEntries(StoreConnection connection, List<string> problems)
    {
        using (var orphans = connection.Query("SELECT a.key FROM access a LEFT JOIN entries e ON e.key = a.key WHERE e.key IS NULL"))
        {
            while (orphans.Read())
            {
                Report(problems, $"read statistics kept for {UserValue.Quote(orphans.GetString(0))}, which was never written");
            }
        }

        using var rows = connection.Query("SELECT e.key, v.seq, v.key FROM entries e LEFT JOIN versions v ON v.seq = e.seq");
        var checkedCount = 0L;
        while (rows.Read())
        {
            checkedCount++;
            var key = rows.GetString(0);
            if (rows.IsDBNull(1))
            {
                Report(problems, $"entry {UserValue.Quote(key)}: its current version is missing from the history");
            }
            else if (rows.GetString(2) != key)
            {
                Report(problems, $"entry {UserValue.Quote(key)}: points at a version of {UserValue.Quote(rows.GetString(2))}");
            }
        }

        return checkedCount;
    }

    private static void Report(List<string> problems, string problem)
    {
        if (problems.Count < MaxReportedProblems)
        {
            problems.Add(problem);
        }
    }

    private static long FileSize(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>The database and the companion files that exist beside it now (beside the file a link leads to, where SQLite keeps them).</summary>
    private List<StoreFile> ListFiles()
    {
        var files = new List<StoreFile> { new(Location, StoreFileKind.Database, FileSize(Location)) };
        var database = File.ResolveLinkTarget(Location, returnFinalTarget: true)?.FullName ?? Location;
        foreach (var (suffix, kind) in s_companions)
        {
            var path = database + suffix;
            if (new FileInfo(path) is { Exists: true } file)
            {
                files.Add(new StoreFile(path, kind, file.Length));
            }
        }

        return files;
    }
}
