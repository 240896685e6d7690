using Mnemo.Core.Storage;

namespace Mnemo.Core.Monitoring;

/// <summary>A store's sizes and the engine's own structures over it, measured at one moment.</summary>
public sealed record StoreMetrics
{
    /// <summary>Where the store lives.</summary>
    public required string Location { get; init; }

    /// <summary>The store's files, with the vector index files beside it, as measured on the file system.</summary>
    public IReadOnlyList<StoreFile> Files { get; init; } = [];

    /// <summary>The depth of <see cref="Namespaces"/>' prefixes (1: the first segment).</summary>
    public int PrefixDepth { get; init; } = 1;

    /// <summary>What each namespace prefix holds.</summary>
    public IReadOnlyList<NamespaceUsage> Namespaces { get; init; } = [];

    /// <summary>Metric samples kept in the store's history.</summary>
    public long MetricSamples { get; init; }

    /// <summary>The vector index this engine has loaded, or null when it has loaded none (no semantic search or write yet).</summary>
    public VectorIndexSize? VectorIndex { get; init; }

    /// <summary>Entries in this engine's read cache.</summary>
    public long CachedEntries { get; init; }

    /// <summary>The read cache's capacity, entries.</summary>
    public long CacheCapacity { get; init; }

    /// <summary>Keys whose buffered reads wait for the next flush to the store.</summary>
    public long BufferedReads { get; init; }
}
