using Microsoft.Data.Sqlite;

namespace Mnemo.Sqlite.Internal;

/// <summary>
/// Copies the write-ahead log back into the database on its own connection and thread, so that writers do not pay
/// for it: SQLite's automatic checkpoint runs inside the commit that crosses its threshold, and its copying and
/// fsync were most of the cost of a batch of writes. Durability is unchanged: a committed transaction is in the log.
/// </summary>
internal sealed class BackgroundCheckpointer : IDisposable
{
    private readonly StoreConnection _connection;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly Lock _running = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _pending;
    private int _caughtUp;

    public BackgroundCheckpointer(StoreConnection connection)
    {
        _connection = connection;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// True once after a background checkpoint copied the whole log as it was when it started. The log can only
    /// restart from its beginning (instead of growing) when a write begins with nothing left to copy, which a
    /// background checkpoint never achieves alone because writers keep appending while it runs; so the writer then
    /// copies the few frames added meanwhile itself (see <c>SqliteMemoryStore.AfterCommit</c>).
    /// </summary>
    public bool TakeCaughtUp() => Interlocked.Exchange(ref _caughtUp, 0) == 1;

    /// <summary>Asks for a checkpoint soon; repeated requests before it runs make one checkpoint.</summary>
    public void Request()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>
    /// Runs a checkpoint on this connection now, never at the same time as a background one (a second checkpoint
    /// would return at once as busy while the first is still writing the database file).
    /// </summary>
    /// <returns>True when every frame of the log was copied.</returns>
    public bool Run(string mode)
    {
        lock (_running)
        {
            using var result = _connection.Query($"PRAGMA wal_checkpoint({mode})");
            return result.Read() && result.GetInt64(0) == 0 && result.GetInt64(1) == result.GetInt64(2);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _loop.GetAwaiter().GetResult();
        _connection.Dispose();
        _stop.Dispose();
        _signal.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            while (true)
            {
                await _signal.WaitAsync(_stop.Token).ConfigureAwait(false);
                Volatile.Write(ref _pending, 0);
                try
                {
                    // PASSIVE never waits for readers or writers; frames it cannot copy now are copied next time.
                    if (Run("PASSIVE"))
                    {
                        Volatile.Write(ref _caughtUp, 1);
                    }
                }
                catch (SqliteException)
                {
                    // A busy or failing checkpoint only delays the next one; the log stays complete and correct.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
