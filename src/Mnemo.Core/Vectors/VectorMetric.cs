namespace Mnemo.Core.Vectors;

/// <summary>How an <see cref="HnswIndex"/> measures the distance between two vectors.</summary>
/// <remarks>The numeric values are persisted in index files; never renumber them.</remarks>
public enum VectorMetric
{
    /// <summary>Cosine distance, <c>1 - cos(a, b)</c>. Vectors are normalised at insert and queries at search.</summary>
    Cosine = 1,

    /// <summary>Inner-product distance, <c>1 - dot(a, b)</c>, on the vectors as given (no normalisation).</summary>
    Dot = 2,

    /// <summary>Squared Euclidean distance.</summary>
    L2 = 3,
}
