using System.Runtime.CompilerServices;

namespace Mnemo.Core.Vectors.Internal;

/// <summary>Float vectors, distance <c>1 - dot</c> (cosine on normalised vectors).</summary>
internal readonly unsafe struct FloatDotSpace : IVectorSpace
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Distance(float* query, byte* node, int dimensions) =>
        1f - DistanceKernels.Dot(query, (float*)node, dimensions);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float* AsQuery(byte* node, float* scratch, int dimensions) => (float*)node;
}
