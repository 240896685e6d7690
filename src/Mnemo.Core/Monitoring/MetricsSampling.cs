namespace Mnemo.Core.Monitoring;

/// <summary>
/// A background task that adds a sample to the store's metrics history once when it starts and then every
/// <see cref="Interval"/> (<see cref="MnemoEngine.StartSampling"/>, or <see cref="MnemoOptions.MetricsInterval"/>), so
/// that a long-running process shows in <c>mnemo monitor</c> and its trend can be judged. Disposing it stops it.
/// </summary>
/// <remarks>
/// A sample that fails (a busy database, a full disk, a store closed under it) is counted in <see cref="Failures"/>
/// and kept as <see cref="LastError"/>, never thrown: monitoring must not take down the process it watches. The timer
/// runs on the engine's <see cref="TimeProvider"/>; ticks that come while a sample is still being taken are merged
/// into one, so a slow store is sampled less often rather than by overlapping samples.
/// </remarks>
public sealed class MetricsSampling : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task> _sample;
    private readonly PeriodicTimer _timer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private TaskCompletionSource _attempted = NewSignal();
    private long _attempts;
    private long _samples;
    private long _failures;
    private Exception? _lastError;
    private readonly Action<Exception>? _failed;
    private int _disposed;

    /// <summary>Starts sampling with <paramref name="sample"/> now and every <paramref name="interval"/> of <paramref name="clock"/>.</summary>
    internal MetricsSampling(Func<CancellationToken, Task> sample, TimeSpan interval, TimeProvider clock, Action<Exception>? failed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _sample = sample;
        _failed = failed;
        Interval = interval;
        _timer = new PeriodicTimer(interval, clock);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The time between two samples.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Samples written to the history so far.</summary>
    public long Samples => Interlocked.Read(ref _samples);

    /// <summary>Samples that failed so far.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Why the latest failed sample failed, or null when none failed.</summary>
    public Exception? LastError => Volatile.Read(ref _lastError);

    /// <summary>Stops sampling, waiting for a sample in progress (which is cancelled).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Disposing the timer ends the wait for the next tick without an exception.
        _timer.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    /// <summary>Completes once <paramref name="count"/> samples were attempted (written or failed): for tests.</summary>
    internal async Task WaitForAttemptsAsync(long count, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Read before the count: a signal swapped after this read belongs to an attempt the count below may miss.
            var next = Volatile.Read(ref _attempted);
            if (Interlocked.Read(ref _attempts) >= count)
            {
                return;
            }

            await next.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunAsync()
    {
        // Once at the start, so that a process shows in the history as soon as it runs, not one interval later.
        await SampleOnceAsync().ConfigureAwait(false);
        while (await _timer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            await SampleOnceAsync().ConfigureAwait(false);
        }
    }

    private async Task SampleOnceAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await _sample(_stopping.Token).ConfigureAwait(false);
            Interlocked.Increment(ref _samples);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped while sampling: not a failure.
        }
#pragma warning disable CA1031 // Any failure of one sample is recorded, not thrown: the loop must outlive it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Volatile.Write(ref _lastError, e);
            Interlocked.Increment(ref _failures);
            _failed?.Invoke(e);
        }

        Interlocked.Increment(ref _attempts);
        Interlocked.Exchange(ref _attempted, NewSignal()).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
