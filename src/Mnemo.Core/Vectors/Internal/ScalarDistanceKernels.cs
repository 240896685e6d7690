namespace Mnemo.Core.Vectors.Internal;

/// <summary>Plain loops computing what <see cref="DistanceKernels"/> computes: the reference for tests.</summary>
internal static class ScalarDistanceKernels
{
    /// <summary>Inner product, accumulated in double.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }

        return (float)sum;
    }

    /// <summary>Squared Euclidean distance, accumulated in double.</summary>
    public static float L2Squared(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = (double)a[i] - b[i];
            sum += d * d;
        }

        return (float)sum;
    }

    /// <summary>Inner product of int8 codes with floats, accumulated in double.</summary>
    public static float DotInt8(ReadOnlySpan<sbyte> codes, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < codes.Length; i++)
        {
            sum += codes[i] * (double)b[i];
        }

        return (float)sum;
    }
}
