using System.Runtime.CompilerServices;

namespace Mnemo.Core.Vectors.Internal;

/// <summary>
/// Int8 codes against a float query, squared Euclidean distance expanded as
/// <c>|x|^2 - 2 scale dot(codes, q) + |q|^2</c>; the prepared query carries <c>|q|^2</c> in its extra slot.
/// </summary>
internal readonly unsafe struct Int8L2Space : IVectorSpace
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Distance(float* query, byte* node, int dimensions)
    {
        var dot = DistanceKernels.DotInt8((sbyte*)node, query, dimensions);
        var d = Int8Codec.SquaredNorm(node, dimensions) - (2f * Int8Codec.Scale(node, dimensions) * dot) + query[dimensions];
        return MathF.Max(d, 0f);
    }

    public static float* AsQuery(byte* node, float* scratch, int dimensions)
    {
        Int8Codec.Decode(node, new Span<float>(scratch, dimensions));
        scratch[dimensions] = Int8Codec.SquaredNorm(node, dimensions);
        return scratch;
    }
}
