using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Mnemo.Core;
using Mnemo.Core.Storage;
using Mnemo.Sqlite.Internal;
using Mnemo.Sqlite.Search;

namespace Mnemo.Sqlite;

/// <summary>The embedded store: one SQLite file in WAL mode, shared safely by many threads and processes.</summary>
/// <remarks>
/// Writes go through one writer connection under an in-process lock, each as one <c>BEGIN IMMEDIATE</c> transaction,
/// so SQLite serialises writers across processes and a failed change leaves nothing behind. Reads use a pool of
/// reader connections and never wait for writers (WAL). Statements are prepared once per connection and reused.
/// </remarks>
internal sealed partial class SqliteMemoryStore : IMemoryStore
{
    // Frames in the write-ahead log that trigger a background checkpoint (SQLite's own default threshold), and the
    // size at which a writer checkpoints itself because the background cannot keep up.
    private const uint CheckpointFrames = 1000;
    private const uint InlineCheckpointFrames = 4_000;

    // How much of the database file each connection reads through a memory map, and its own page cache.
    private const long MemoryMapBytes = 256L << 20;
    private const int PageCacheKiB = 16 << 10;

    // The files SQLite keeps beside a database, by the suffix of their name.
    private static readonly (string Suffix, StoreFileKind Kind)[] s_companions =
        [("-wal", StoreFileKind.WriteAheadLog), ("-shm", StoreFileKind.SharedMemory), ("-journal", StoreFileKind.RollbackJournal)];

    private readonly string _connectionString;
    private readonly StoreConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentBag<StoreConnection> _readers = [];
    private readonly StoreConnection _poller;
    private readonly Lock _pollLock = new();
    private readonly int _busyTimeoutMs;
    private readonly WalIndexHeader? _walHeader;
    private readonly DocumentFrequencies _documentFrequencies = new();
    private readonly Quotas _quotas;
    private readonly string? _readOnlyReason; // why this process may not write the database; null when it may
    private BackgroundCheckpointer? _checkpointer; // created when first needed, under the write lock
    private bool _wrote; // this store committed a change other than read statistics (under the write lock): closing folds the log back
    private long _lastDataVersion = -1;
    private long _polledThrough = -1;
    private int _disposed;

    private SqliteMemoryStore(
        string path, string? readOnlyReason, string connectionString, StoreConnection writer, StoreConnection poller, MnemoOptions options,
        bool wroteOnOpen)
    {
        Location = path;
        _wrote = wroteOnOpen;
        _readOnlyReason = readOnlyReason;
        _connectionString = connectionString;
        _writer = writer;
        _poller = poller;
        _busyTimeoutMs = (int)Math.Min(int.MaxValue, options.BusyTimeout.TotalMilliseconds);
        _quotas = new Quotas(options.AgentQuotaBytes, options.SessionQuotaBytes);
        _walHeader = IsReadOnly ? null : WalIndexHeader.TryOpen(path);
        if (_walHeader is not null)
        {
            // The header tells how long the log is, so checkpoints can move off the commit path.
            writer.Execute("PRAGMA wal_autocheckpoint = 0");
        }
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public bool IsReadOnly => _readOnlyReason is not null;

    /// <inheritdoc />
    /// <remarks>
    /// The database, its write-ahead log and index (<c>-wal</c>, <c>-shm</c>) and its rollback journal (<c>-journal</c>),
    /// beside the path the store was opened with and, when that is a symbolic link, beside the file it leads to (where
    /// SQLite keeps them).
    /// </remarks>
    public bool OwnsFile(string fullPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullPath);
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var linked = File.ResolveLinkTarget(Location, returnFinalTarget: true)?.FullName;
        return ((string?[])[Location, linked]).OfType<string>().Any(database =>
            fullPath.Equals(database, comparison) || s_companions.Any(companion => fullPath.Equals(database + companion.Suffix, comparison)));
    }

    /// <summary>
    /// Opens (creating when needed) the database at <paramref name="path"/>. The directory of an explicit path must
    /// exist; the default home directory is created. A database this process may not write (the file or its directory
    /// without write permission for this user, or made read-only by its owner) is opened read-only, leaving no file behind.
    /// </summary>
    public static SqliteMemoryStore Open(string path, MnemoOptions options, bool createDirectory = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        path = Path.GetFullPath(path);
        var readOnlyReason = CheckFile(path, createDirectory);
        var defaultTimeout = (int)Math.Max(1, options.BusyTimeout.TotalSeconds);
        var connectionString = readOnlyReason is not null
            ? ReadOnlyOpen.ConnectionString(path, defaultTimeout)
            : new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = defaultTimeout,
            }.ToString();
        StoreConnection? writer = null, poller = null;
        try
        {
            writer = Connect(connectionString, options.BusyTimeout, path);
            var wroteOnOpen = false;
            if (readOnlyReason is not null && SqliteSchema.Verify(writer, path) is var version && version < SqliteSchema.CurrentVersion)
            {
                // Reading an old layout with new code would misread it (missing tables, another full-text layout).
                throw SqliteErrors.CannotUpgradeReadOnly(path, version, readOnlyReason, SqliteSchema.CurrentVersion);
            }
            else if (readOnlyReason is null && !SqliteSchema.IsReady(writer, SqliteSchema.Inspect(writer, path)))
            {
                // Read first (Inspect): another application's file must be refused before anything (the journal mode)
                // changes it. A store that is ready, as every one is after its first open, is opened by reading alone:
                // no write lock to wait for behind other processes' writes, nothing written.
                wroteOnOpen = true;
                writer.Execute("PRAGMA journal_mode = WAL");
                writer.Execute("BEGIN IMMEDIATE");
                try
                {
                    SqliteSchema.EnsureCurrent(writer, path);
                    writer.Execute("COMMIT");
                }
                catch
                {
                    writer.Execute("ROLLBACK");
                    throw;
                }
            }

            poller = Connect(connectionString, options.BusyTimeout, path);
            return new SqliteMemoryStore(path, readOnlyReason, connectionString, writer, poller, options, wroteOnOpen);
        }
        catch (Exception e)
        {
            writer?.Dispose();
            poller?.Dispose();
            throw e is SqliteException sqlite ? SqliteErrors.Translate(sqlite, path) : e;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return ValueTask.CompletedTask;
        }

        _writeLock.Wait();
        try
        {
            _checkpointer?.Dispose();
            if (_wrote)
            {
                // Fold the WAL back into the database so the file is complete on its own when the last process closes.
                // Only after this store's own writes: a process that only read has nothing of its own in the log, and
                // would otherwise wait here for other processes' writers and readers.
                TryCheckpoint("TRUNCATE");
            }

            _writer.Dispose();
            lock (_pollLock)
            {
                _walHeader?.Dispose();
                _poller.Dispose();
            }

            while (_readers.TryTake(out var reader))
            {
                reader.Dispose();
            }
        }
        finally
        {
            _writeLock.Release();
            _writeLock.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Checks the path before SQLite touches it; returns why the database must be opened read-only, or null.</summary>
    private static string? CheckFile(string path, bool createDirectory)
    {
        if (Directory.Exists(path))
        {
            throw SqliteErrors.PathIsDirectory(path);
        }

        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            if (!createDirectory)
            {
                throw SqliteErrors.DatabaseDirectoryMissing(directory);
            }

            Directory.CreateDirectory(directory);
        }

        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            return WriteAccess.WhyReadOnly(path, file.Exists) is { } reason
                ? throw SqliteErrors.CannotCreate(path, reason)
                : null;
        }

        if (!SqliteFileHeader.IsPresent(path))
        {
            throw SqliteErrors.NotSqlite(path);
        }

        return WriteAccess.WhyReadOnly(path, fileExists: true);
    }

    private static StoreConnection Connect(string connectionString, TimeSpan busyTimeout, string path)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw SqliteErrors.Translate(e, path);
        }

        var store = new StoreConnection(connection);
        store.Execute($"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}");
        store.Execute("PRAGMA synchronous = NORMAL");

        // Reads through a memory map instead of a read() call per page, and a larger page cache for the full-text index's
        // document lists: together about 1-2 ms less at the 95th percentile of a hybrid search over 100,000 entries
        // (docs/design-notes.md). The map is the operating system's page cache, shared by every connection and process.
        store.Execute($"PRAGMA mmap_size = {MemoryMapBytes}");
        store.Execute($"PRAGMA cache_size = -{PageCacheKiB}");
        store.Execute("PRAGMA foreign_keys = OFF");
        return store;
    }

    private StoreConnection RentReader()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _readers.TryTake(out var reader) ? reader : Connect(_connectionString, TimeSpan.FromMilliseconds(_busyTimeoutMs), Location);
    }

    private void ReturnReader(StoreConnection reader)
    {
        if (_disposed != 0)
        {
            reader.Dispose();
            return;
        }

        _readers.Add(reader);
    }

    /// <summary>Runs <paramref name="read"/> on a pooled reader connection, translating SQLite failures.</summary>
    private T Read<T>(Func<StoreConnection, T> read)
    {
        var reader = RentReader();
        try
        {
            return read(reader);
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Translate(e, Location);
        }
        finally
        {
            ReturnReader(reader);
        }
    }

    /// <summary>Runs <paramref name="write"/> in one immediate transaction on the writer; rolls back on any failure.</summary>
    /// <param name="write">The change.</param>
    /// <param name="cancellationToken">Cancels the wait for the write lock.</param>
    /// <param name="foldOnClose">
    /// False for read statistics: a command that only read (and counted its reads) leaves its few pages of log to the
    /// next checkpoint instead of waiting at close for other processes' writers and readers to fold the log back.
    /// </param>
    private async ValueTask<T> WriteAsync<T>(Func<StoreConnection, T> write, CancellationToken cancellationToken, bool foldOnClose = true)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_readOnlyReason is { } reason)
        {
            throw SqliteErrors.StoreReadOnly(Location, reason);
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _writer.BeginImmediate();
            try
            {
                // No other process can commit while this transaction holds the write lock.
                var before = _walHeader?.CommitStamp();
                var result = write(_writer);
                _writer.Statement("COMMIT").Execute();
                _wrote |= foldOnClose;
                KeepAccessRulesFresh(before);
                AfterCommit();
                return result;
            }
            catch
            {
                if (_writer.InTransaction)
                {
                    _writer.Statement("ROLLBACK").Execute();
                }

                throw;
            }
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Translate(e, Location);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Keeps the write-ahead log short: asks the background checkpointer to copy it into the database, finishes the
    /// copy itself once the background one has caught up (so that the next write restarts the log from its beginning),
    /// and waits for the copy when the background has fallen far behind.
    /// </summary>
    private void AfterCommit()
    {
        if (_walHeader?.FrameCount is not { } frames)
        {
            return;
        }

        try
        {
            if (_checkpointer?.TakeCaughtUp() == true || frames >= InlineCheckpointFrames)
            {
                _checkpointer ??= NewCheckpointer();
                _checkpointer.Run("PASSIVE");
            }
            else if (frames >= CheckpointFrames)
            {
                _checkpointer ??= NewCheckpointer();
                _checkpointer.Request();
            }
        }
        catch (SqliteException)
        {
            // The write is committed; the log is only longer than wished. The next commit tries again.
        }
    }

    private BackgroundCheckpointer NewCheckpointer() =>
        new(Connect(_connectionString, TimeSpan.FromMilliseconds(_busyTimeoutMs), Location));

    private void TryCheckpoint(string mode)
    {
        try
        {
            _writer.Execute($"PRAGMA wal_checkpoint({mode})");
        }
        catch (SqliteException)
        {
            // Another process holds the database; it will checkpoint when it closes.
        }
    }
}
