using Mnemo.Core.Monitoring;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    // The owner's: the allocation rate is measured between the owner's consecutive snapshots, whichever view asked.
    private ProcessMemorySampler? _sampler;

    private ProcessMemorySampler Sampler => _owner._sampler ??= new ProcessMemorySampler(_clock);

    /// <summary>
    /// Measures this process's memory and the store's sizes now (files, namespace prefixes of depth
    /// <paramref name="prefixDepth"/>, the loaded vector index, the read cache), and makes them the figures the
    /// <c>Mnemo</c> meter publishes (<see cref="MnemoMeter"/>).
    /// </summary>
    /// <remarks>Reads only. The store's figures come from totals it keeps per namespace as it writes: one row per namespace.</remarks>
    /// <param name="prefixDepth">How many key segments a namespace prefix has: 1 groups by the first segment.</param>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prefixDepth"/> is below 1.</exception>
    public async Task<MetricsSnapshot> GetMetricsAsync(int prefixDepth = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(prefixDepth, 1);
        ThrowIfDisposed();
        var sizes = await _store.GetSizesAsync(prefixDepth, cancellationToken).ConfigureAwait(false);
        var catalog = _owner._catalog;
        var store = new StoreMetrics
        {
            Location = _store.Location,
            Files = [.. sizes.Files, .. IndexFiles()],
            PrefixDepth = prefixDepth,
            Namespaces = sizes.Namespaces,
            MetricSamples = sizes.MetricSamples,
            VectorIndex = catalog is null ? null : new VectorIndexSize(catalog.ModelId, catalog.Count, catalog.DeletedCount, catalog.MemoryBytes),
            CachedEntries = _cache.Count,
            CacheCapacity = _options.CacheCapacity,
            BufferedReads = _access.PendingKeys,
        };

        // Process figures last, so that the allocation of the store's measurement falls before them, not between them
        // and the next sample's.
        var snapshot = new MetricsSnapshot(Environment.MachineName, Agent, Sampler.Capture(), store);
        MnemoMeter.Publish(snapshot);
        return snapshot;
    }

    /// <summary>
    /// Measures as <see cref="GetMetricsAsync"/> (prefixes of depth 1) and adds the snapshot to the store's metrics
    /// history, which keeps the newest <see cref="MnemoOptions.MetricsHistoryLimit"/> samples of
    /// <see cref="MnemoOptions.MetricsRetention"/>, from every process using the store.
    /// </summary>
    /// <returns>The sample as stored, with its id.</returns>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.StoreReadOnly"/>: the store is read-only.</exception>
    public async Task<MetricSample> SampleAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await GetMetricsAsync(1, cancellationToken).ConfigureAwait(false);
        var at = snapshot.Process.At;
        var sample = new MetricSample(0, snapshot.Process.ProcessId, snapshot.Host, snapshot.Agent, at, MetricsSnapshotJson.Write(snapshot));
        return await _store.AddMetricSampleAsync(sample, _options.MetricsHistoryLimit, at - _options.MetricsRetention, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The metrics history's samples taken at or after <paramref name="since"/>, of every process or of one, oldest first.</summary>
    /// <param name="since">The earliest time wanted.</param>
    /// <param name="processId">One process's samples only, or null for every process's.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<IReadOnlyList<MetricSample>> GetMetricSamplesAsync(DateTimeOffset since, int? processId = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _store.GetMetricSamplesAsync(since, processId, cancellationToken).AsTask();
    }

    /// <summary>What this process runs on and with: Mnemo's version, the runtime, the OS, processors, GC mode, its memory and the machine's, and the store.</summary>
    public async Task<SystemInfo> GetSystemInfoAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var status = await GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var model = await GetEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);
        return SystemInfo.Describe(Sampler.Capture(), Agent, status.Store, model);
    }

    /// <summary>
    /// The newest entries of this process's engine log at or above <paramref name="minimum"/>, oldest first: background
    /// failures the engine carried on from, quota warnings, optimisations. In memory, the last
    /// <see cref="EngineLog.Capacity"/> entries; shared by every caller's view of the engine.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is below 1.</exception>
    public IReadOnlyList<EngineLogEntry> GetRecentLog(EngineLogLevel minimum = EngineLogLevel.Warning, int limit = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return _log.Recent(minimum, limit);
    }
}
