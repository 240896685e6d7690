using System.Runtime.CompilerServices;

namespace Mnemo.Core.Vectors.Internal;

/// <summary>Float vectors, squared Euclidean distance.</summary>
internal readonly unsafe struct FloatL2Space : IVectorSpace
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Distance(float* query, byte* node, int dimensions) =>
        DistanceKernels.L2Squared(query, (float*)node, dimensions);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float* AsQuery(byte* node, float* scratch, int dimensions) => (float*)node;
}
