
namespace Mnemo.Core.Caching;

/// <summary>
/// Writes buffered read statistics every interval on a background task, started by the first read that needs it, so
/// that an engine which never buffers a read (a write, a listing, a one-shot command) runs no timer or task at all.
/// </summary>
/// <remarks>
/// Stopped by disposing its timer, which ends the wait for the next tick without an exception (a cancelled wait would
/// throw one, a measurable part of a short command's exit).
/// </remarks>
internal sealed class ReadFlushLoop : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task> _flush;
    private readonly Action<MnemoException> _failed;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private PeriodicTimer? _timer;
    private Task? _loop;
    private bool _stopped;

    public ReadFlushLoop(Func<CancellationToken, Task> flush, TimeSpan interval, TimeProvider clock, Action<MnemoException> failed)
    {
        _flush = flush;
        _failed = failed;
        _interval = interval;
        _clock = clock;
    }

    /// <summary>True once the loop has started (and until it is disposed).</summary>
    public bool IsRunning => Volatile.Read(ref _loop) is not null && !Volatile.Read(ref _stopped);

    /// <summary>Starts the loop unless it runs already or was stopped; cheap when it runs.</summary>
    public void EnsureStarted()
    {
        if (Volatile.Read(ref _loop) is not null)
        {
            return;
        }

        lock (_lock)
        {
            if (_loop is not null || _stopped)
            {
                return;
            }

            _timer = new PeriodicTimer(_interval, _clock);
            Volatile.Write(ref _loop, Task.Run(() => RunAsync(_timer)));
        }
    }

    /// <summary>Stops the loop, waiting for a flush in progress (which is cancelled).</summary>
    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            _timer?.Dispose();
            loop = _loop;
        }

        if (loop is not null)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(PeriodicTimer timer)
    {
        while (await timer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            try
            {
                await _flush(_stopping.Token).ConfigureAwait(false);
            }
            catch (MnemoException e)
            {
                // Read statistics are advisory: a busy or read-only database must not break reads. The counts of this
                // round are lost; the next round tries again.
                _failed(e);
            }
        }
    }
}
