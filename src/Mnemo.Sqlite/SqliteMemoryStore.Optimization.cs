using Microsoft.Data.Sqlite;
using Mnemo.Core.Storage;
using Mnemo.Sqlite.Internal;

namespace Mnemo.Sqlite;

internal sealed partial class SqliteMemoryStore
{
    /// <inheritdoc />
    public IReadOnlyList<StoreFile> GetFiles() => ListFiles();

    /// <inheritdoc />
    public ValueTask<DatabasePages> GetPagesAsync(CancellationToken cancellationToken = default) =>
        new(Read(connection =>
        {
            // One read transaction, so that the three figures describe the same committed state.
            connection.Execute("BEGIN");
            try
            {
                return new DatabasePages(
                    connection.ScalarLong("PRAGMA page_size"), connection.ScalarLong("PRAGMA page_count"), connection.ScalarLong("PRAGMA freelist_count"));
            }
            finally
            {
                connection.Execute("COMMIT");
            }
        }));

    /// <inheritdoc />
    public async ValueTask<bool> TruncateLogAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (IsReadOnly)
        {
            return false;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // On the background checkpointer's connection, so that the two never run at once. TRUNCATE waits (busy
            // timeout) for other processes' writers and for readers still using the log, then cuts the file to zero.
            _checkpointer ??= NewCheckpointer();
            return _checkpointer.Run("TRUNCATE");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY / SQLITE_LOCKED: another process held on past the busy timeout; the log stays as it is.
            return false;
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

    /// <inheritdoc />
    public async ValueTask VacuumAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_readOnlyReason is { } reason)
        {
            throw SqliteErrors.StoreReadOnly(Location, reason);
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // VACUUM cannot run inside a transaction; it takes the write lock itself (the writer's busy timeout applies to
            // other processes' writers) and is one transaction: a crash leaves the old database. Readers of other
            // processes keep reading the state they started from, through the write-ahead log.
            _writer.Execute("VACUUM");
            _wrote = true;
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

    /// <inheritdoc />
    public ValueTask<int> ReleaseMemoryAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);

        // Idle readers only (a busy one is in use by another call, and its cache is what that call needs), then the
        // poller and the writer under their own locks.
        var idle = new List<StoreConnection>();
        while (_readers.TryTake(out var reader))
        {
            idle.Add(reader);
        }

        var released = 0;
        try
        {
            foreach (var reader in idle)
            {
                released += TryShrink(reader);
            }
        }
        finally
        {
            foreach (var reader in idle)
            {
                ReturnReader(reader);
            }
        }

        lock (_pollLock)
        {
            released += TryShrink(_poller);
        }

        if (_writeLock.Wait(0, cancellationToken))
        {
            try
            {
                released += TryShrink(_writer);
            }
            finally
            {
                _writeLock.Release();
            }
        }

        return new(released);
    }

    private static int TryShrink(StoreConnection connection)
    {
        try
        {
            connection.Execute("PRAGMA shrink_memory");
            return 1;
        }
        catch (SqliteException)
        {
            // Only memory: a connection that cannot shrink now keeps its cache.
            return 0;
        }
    }
}
