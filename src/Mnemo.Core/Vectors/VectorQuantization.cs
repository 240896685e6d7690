namespace Mnemo.Core.Vectors;

/// <summary>How an <see cref="HnswIndex"/> stores its vectors.</summary>
/// <remarks>The numeric values are persisted in index files; never renumber them.</remarks>
public enum VectorQuantization
{
    /// <summary>32-bit floats, exact distances.</summary>
    None = 0,

    /// <summary>
    /// 8-bit signed codes with one float scale per vector (symmetric, <c>scale = max|x| / 127</c>): about 4x less
    /// memory for vectors. Searches rank with the codes, then re-rank the best candidates with float vectors taken
    /// from the index's <see cref="IVectorSource"/> when one is given.
    /// </summary>
    Int8 = 1,
}
