namespace Mnemo.Core.Vectors;

/// <summary>Parameters of an <see cref="HnswIndex"/>. The defaults are hnswlib's.</summary>
public sealed record HnswOptions
{
    /// <summary>The dimension of every vector in the index (required, 1 to 65,536).</summary>
    public required int Dimensions { get; init; }

    /// <summary>The distance metric. Default: <see cref="VectorMetric.Cosine"/>.</summary>
    public VectorMetric Metric { get; init; } = VectorMetric.Cosine;

    /// <summary>Graph degree: neighbours per node on the upper levels, twice as many on level 0 (2 to 256). Default 16.</summary>
    public int M { get; init; } = 16;

    /// <summary>Beam width while inserting; larger builds a better graph more slowly. Default 200.</summary>
    public int EfConstruction { get; init; } = 200;

    /// <summary>Default beam width of a search when the caller passes none (raised to k when smaller). Default 64.</summary>
    public int EfSearch { get; init; } = 64;

    /// <summary>How vectors are stored. Default: <see cref="VectorQuantization.None"/> (floats).</summary>
    public VectorQuantization Quantization { get; init; } = VectorQuantization.None;

    /// <summary>Seed of the level generator, so that builds are reproducible. Default 100 (hnswlib's).</summary>
    public ulong Seed { get; init; } = 100;

    /// <summary>
    /// Searches of an index holding at most this many live vectors scan all of them exactly. Default 256.
    /// </summary>
    public int ExactSearchThreshold { get; init; } = 256;

    /// <summary>
    /// Fraction of tombstoned nodes (0 to 1) at which <see cref="HnswIndex.Remove"/> and <see cref="HnswIndex.Update"/>
    /// compact the index; 0 turns automatic compaction off. Default 0.25.
    /// </summary>
    public double CompactionThreshold { get; init; } = 0.25;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Dimensions, 1, nameof(Dimensions));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Dimensions, 65_536, nameof(Dimensions));
        ArgumentOutOfRangeException.ThrowIfLessThan(M, 2, nameof(M));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(M, 256, nameof(M));
        ArgumentOutOfRangeException.ThrowIfLessThan(EfConstruction, 1, nameof(EfConstruction));
        ArgumentOutOfRangeException.ThrowIfLessThan(EfSearch, 1, nameof(EfSearch));
        ArgumentOutOfRangeException.ThrowIfNegative(ExactSearchThreshold, nameof(ExactSearchThreshold));
        if (!Enum.IsDefined(Metric))
        {
            throw new ArgumentOutOfRangeException(nameof(Metric), Metric, "unknown metric");
        }

        if (!Enum.IsDefined(Quantization))
        {
            throw new ArgumentOutOfRangeException(nameof(Quantization), Quantization, "unknown quantization");
        }

        if (double.IsNaN(CompactionThreshold) || CompactionThreshold < 0 || CompactionThreshold > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CompactionThreshold), CompactionThreshold, "must be between 0 and 1");
        }
    }
}
