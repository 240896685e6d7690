using System.Runtime.CompilerServices;

namespace Mnemo.Core.Vectors.Internal;

/// <summary>Int8 codes against a float query, distance <c>1 - dot</c>.</summary>
internal readonly unsafe struct Int8DotSpace : IVectorSpace
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Distance(float* query, byte* node, int dimensions) =>
        1f - (Int8Codec.Scale(node, dimensions) * DistanceKernels.DotInt8((sbyte*)node, query, dimensions));

    public static float* AsQuery(byte* node, float* scratch, int dimensions)
    {
        Int8Codec.Decode(node, new Span<float>(scratch, dimensions));
        scratch[dimensions] = Int8Codec.SquaredNorm(node, dimensions);
        return scratch;
    }
}
