using Mnemo.Core.Monitoring;

namespace Mnemo.Core.Storage;

public partial interface IMemoryStore
{
    /// <summary>
    /// Measures the store's files on the file system and, by one consistent read, what each namespace prefix of depth
    /// <paramref name="prefixDepth"/> holds (see <see cref="NamespaceUsage"/>): current entries (expired ones included until
    /// they are purged), the bytes of their content (text or value plus metadata, uncompressed, as quotas count them) and
    /// the versions kept in history besides each key's current one. Cheap: stores keep these totals as they write. Prefixes are in ordinal order; a prefix with no entry and no history is
    /// left out.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prefixDepth"/> is below 1.</exception>
    ValueTask<StoreSizes> GetSizesAsync(int prefixDepth, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a sample to the store's metrics history and, in the same transaction, trims the history to its
    /// <paramref name="keepCount"/> newest samples and to those taken at or after <paramref name="keepSince"/> (the new one
    /// is kept whatever its time). Returns the sample with the id the store gave it. Throws
    /// <see cref="MnemoException"/> with <see cref="MnemoErrorCode.StoreReadOnly"/> on a read-only store.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="keepCount"/> is below 1.</exception>
    ValueTask<MetricSample> AddMetricSampleAsync(
        MetricSample sample, int keepCount, DateTimeOffset keepSince, CancellationToken cancellationToken = default);

    /// <summary>
    /// The samples of the metrics history taken at or after <paramref name="since"/>, of every process or of one, oldest
    /// first (by time, then by id).
    /// </summary>
    ValueTask<IReadOnlyList<MetricSample>> GetMetricSamplesAsync(
        DateTimeOffset since, int? processId = null, CancellationToken cancellationToken = default);
}
