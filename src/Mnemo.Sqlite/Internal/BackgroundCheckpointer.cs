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
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _pending;

    public BackgroundCheckpointer(StoreConnection connection)
    {
        _connection = connection;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Asks for a checkpoint soon; repeated requests before it runs make one checkpoint.</summary>
    public void Request()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _signal.Release();
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
                    _connection.Execute("PRAGMA wal_checkpoint(PASSIVE)");
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
