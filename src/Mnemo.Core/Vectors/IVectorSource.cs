namespace Mnemo.Core.Vectors;

/// <summary>Supplies full-precision vectors by id, for re-ranking the candidates of a quantized index.</summary>
/// <remarks>
/// The engine implements it over the vectors it stores in the database, so an int8 index keeps only codes in
/// memory. Implementations must be safe to call from several searching threads at once.
/// </remarks>
public interface IVectorSource
{
    /// <summary>Copies the float vector stored for <paramref name="id"/> into <paramref name="destination"/>.</summary>
    /// <param name="id">The id the vector was added to the index under.</param>
    /// <param name="destination">A span of exactly the index's dimension.</param>
    /// <returns><see langword="false"/> when the source has no vector for the id (the candidate keeps its approximate distance).</returns>
    bool TryGetVector(long id, Span<float> destination);
}
