namespace Mnemo.Core.Vectors.Internal;

/// <summary>
/// A metric over one storage format. Implemented by structs so that the generic search and insert code is
/// specialised per space by the JIT: the distance call is inlined, with no virtual or delegate dispatch.
/// </summary>
/// <remarks>
/// A "prepared query" is a float vector of the index's dimension followed by one extra float slot used by
/// quantized spaces (the query's squared norm). Stored vectors are read straight from node memory.
/// </remarks>
internal unsafe interface IVectorSpace
{
    /// <summary>Distance from a prepared query to the vector stored at <paramref name="node"/>.</summary>
    static abstract float Distance(float* query, byte* node, int dimensions);

    /// <summary>
    /// Returns a prepared query equal to the stored vector at <paramref name="node"/>: the node memory itself for
    /// float spaces, or the decoded vector written into <paramref name="scratch"/> for quantized ones.
    /// </summary>
    static abstract float* AsQuery(byte* node, float* scratch, int dimensions);
}
