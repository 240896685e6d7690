using Mnemo.Core.Vectors;

namespace Mnemo.Benchmarks.Ann;

/// <summary>The outcome of <see cref="AnnBenchmark.RunAsync"/>; <see cref="AnnBenchmark.WriteJson"/> prints it.</summary>
internal sealed record AnnBenchmarkResult
{
    /// <summary>Wall seconds to insert every base vector into an empty index (file reading excluded).</summary>
    public required double BuildSeconds { get; init; }

    /// <summary>Bytes the index occupies (see <see cref="IndexBytesKind"/>).</summary>
    public required long IndexBytes { get; init; }

    /// <summary>"memory": <see cref="HnswIndex.MemoryBytes"/>, the index's in-memory size.</summary>
    public required string IndexBytesKind { get; init; }

    /// <summary>Base vectors indexed.</summary>
    public required int N { get; init; }

    /// <summary>Vector dimension.</summary>
    public required int Dimensions { get; init; }

    /// <summary>Queries per pass.</summary>
    public required int QueryCount { get; init; }

    /// <summary>The metric used.</summary>
    public required VectorMetric Metric { get; init; }

    /// <summary>The vector storage used.</summary>
    public required VectorQuantization Quantize { get; init; }

    /// <summary>Neighbours returned per query.</summary>
    public required int K { get; init; }

    /// <summary>HNSW degree.</summary>
    public required int M { get; init; }

    /// <summary>Build beam width.</summary>
    public required int EfConstruction { get; init; }

    /// <summary>Searching threads.</summary>
    public required int Threads { get; init; }

    /// <summary>One row per ef value, in the order requested.</summary>
    public required IReadOnlyList<AnnSweepPoint> Results { get; init; }
}
