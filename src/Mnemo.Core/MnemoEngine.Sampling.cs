using Mnemo.Core.Errors;
using Mnemo.Core.Monitoring;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    // The owner's: every sampling loop started on the engine or a view of it, stopped when the engine is disposed.
    private readonly List<MetricsSampling> _samplings = [];
    private MetricsSampling? _configuredSampling;

    /// <summary>
    /// The sampling this engine runs because <see cref="MnemoOptions.MetricsInterval"/> asked for it, or null when it runs
    /// none (not configured, off, a <see cref="MnemoOptions.OneShot"/> engine or a read-only store).
    /// </summary>
    public MetricsSampling? Sampling => _owner._configuredSampling;

    /// <summary>
    /// Starts adding a sample of this process and the store to the metrics history (<see cref="SampleAsync"/>) now and
    /// every <paramref name="interval"/> on a background task, as this engine's agent. A failed sample is counted, never
    /// thrown. Dispose the result to stop; disposing the engine stops it too.
    /// </summary>
    /// <param name="interval">The time between two samples, positive (15 s suits a long-running host).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive.</exception>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.StoreReadOnly"/>: the store is read-only, so no sample could be kept.</exception>
    public MetricsSampling StartSampling(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ThrowIfDisposed();
        if (_store.IsReadOnly)
        {
            throw MnemoErrors.SamplingReadOnly(_store.Location);
        }

        var sampling = new MetricsSampling(SampleAsync, interval, _clock,
            e => _log.Record(EngineLogLevel.Warning, "metrics-sampling", $"a metrics sample failed, the next one tries again: {e.Message}"));
        lock (_owner._samplings)
        {
            _owner._samplings.Add(sampling);
        }

        return sampling;
    }

    /// <summary>Starts the sampling <see cref="MnemoOptions.MetricsInterval"/> asks for, if any (at open).</summary>
    private void StartConfiguredSampling()
    {
        if (_options.MetricsInterval is { } interval && interval > TimeSpan.Zero && !_options.OneShot && !_store.IsReadOnly)
        {
            _configuredSampling = StartSampling(interval);
        }
    }

    /// <summary>Stops every sampling loop, before the store they write to closes.</summary>
    private async Task StopSamplingAsync()
    {
        MetricsSampling[] samplings;
        lock (_samplings)
        {
            samplings = [.. _samplings];
            _samplings.Clear();
        }

        foreach (var sampling in samplings)
        {
            await sampling.DisposeAsync().ConfigureAwait(false);
        }
    }
}
