using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Mnemo.Core.Vectors.Internal;

/// <summary>SIMD distance kernels over raw pointers: no allocation, no bounds checks, a scalar tail.</summary>
/// <remarks>
/// Each kernel runs four independent accumulators so that the fused multiply-adds pipeline instead of waiting on
/// one dependency chain (hnswlib's AVX-512 kernel has one). <see cref="ScalarDistanceKernels"/> is the reference the
/// tests compare against.
/// </remarks>
internal static unsafe class DistanceKernels
{
    /// <summary>Inner product of two float vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(float* a, float* b, int n)
    {
        var i = 0;
        var sum = 0f;
        if (Vector512.IsHardwareAccelerated && n >= 16)
        {
            Vector512<float> s0 = Vector512<float>.Zero, s1 = s0, s2 = s0, s3 = s0;
            for (; i <= n - 64; i += 64)
            {
                s0 = Vector512.MultiplyAddEstimate(Vector512.Load(a + i), Vector512.Load(b + i), s0);
                s1 = Vector512.MultiplyAddEstimate(Vector512.Load(a + i + 16), Vector512.Load(b + i + 16), s1);
                s2 = Vector512.MultiplyAddEstimate(Vector512.Load(a + i + 32), Vector512.Load(b + i + 32), s2);
                s3 = Vector512.MultiplyAddEstimate(Vector512.Load(a + i + 48), Vector512.Load(b + i + 48), s3);
            }

            for (; i <= n - 16; i += 16)
            {
                s0 = Vector512.MultiplyAddEstimate(Vector512.Load(a + i), Vector512.Load(b + i), s0);
            }

            sum = Vector512.Sum((s0 + s1) + (s2 + s3));
        }
        else if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            Vector256<float> s0 = Vector256<float>.Zero, s1 = s0, s2 = s0, s3 = s0;
            for (; i <= n - 32; i += 32)
            {
                s0 = Vector256.MultiplyAddEstimate(Vector256.Load(a + i), Vector256.Load(b + i), s0);
                s1 = Vector256.MultiplyAddEstimate(Vector256.Load(a + i + 8), Vector256.Load(b + i + 8), s1);
                s2 = Vector256.MultiplyAddEstimate(Vector256.Load(a + i + 16), Vector256.Load(b + i + 16), s2);
                s3 = Vector256.MultiplyAddEstimate(Vector256.Load(a + i + 24), Vector256.Load(b + i + 24), s3);
            }

            for (; i <= n - 8; i += 8)
            {
                s0 = Vector256.MultiplyAddEstimate(Vector256.Load(a + i), Vector256.Load(b + i), s0);
            }

            sum = Vector256.Sum((s0 + s1) + (s2 + s3));
        }

        for (; i < n; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>Squared Euclidean distance between two float vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float L2Squared(float* a, float* b, int n)
    {
        var i = 0;
        var sum = 0f;
        if (Vector512.IsHardwareAccelerated && n >= 16)
        {
            Vector512<float> s0 = Vector512<float>.Zero, s1 = s0, s2 = s0, s3 = s0;
            for (; i <= n - 64; i += 64)
            {
                var d0 = Vector512.Load(a + i) - Vector512.Load(b + i);
                var d1 = Vector512.Load(a + i + 16) - Vector512.Load(b + i + 16);
                var d2 = Vector512.Load(a + i + 32) - Vector512.Load(b + i + 32);
                var d3 = Vector512.Load(a + i + 48) - Vector512.Load(b + i + 48);
                s0 = Vector512.MultiplyAddEstimate(d0, d0, s0);
                s1 = Vector512.MultiplyAddEstimate(d1, d1, s1);
                s2 = Vector512.MultiplyAddEstimate(d2, d2, s2);
                s3 = Vector512.MultiplyAddEstimate(d3, d3, s3);
            }

            for (; i <= n - 16; i += 16)
            {
                var d = Vector512.Load(a + i) - Vector512.Load(b + i);
                s0 = Vector512.MultiplyAddEstimate(d, d, s0);
            }

            sum = Vector512.Sum((s0 + s1) + (s2 + s3));
        }
        else if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            Vector256<float> s0 = Vector256<float>.Zero, s1 = s0, s2 = s0, s3 = s0;
            for (; i <= n - 32; i += 32)
            {
                var d0 = Vector256.Load(a + i) - Vector256.Load(b + i);
                var d1 = Vector256.Load(a + i + 8) - Vector256.Load(b + i + 8);
                var d2 = Vector256.Load(a + i + 16) - Vector256.Load(b + i + 16);
                var d3 = Vector256.Load(a + i + 24) - Vector256.Load(b + i + 24);
                s0 = Vector256.MultiplyAddEstimate(d0, d0, s0);
                s1 = Vector256.MultiplyAddEstimate(d1, d1, s1);
                s2 = Vector256.MultiplyAddEstimate(d2, d2, s2);
                s3 = Vector256.MultiplyAddEstimate(d3, d3, s3);
            }

            for (; i <= n - 8; i += 8)
            {
                var d = Vector256.Load(a + i) - Vector256.Load(b + i);
                s0 = Vector256.MultiplyAddEstimate(d, d, s0);
            }

            sum = Vector256.Sum((s0 + s1) + (s2 + s3));
        }

        for (; i < n; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }

        return sum;
    }

    /// <summary>Inner product of int8 codes with a float vector (asymmetric: the query stays in floats).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float DotInt8(sbyte* codes, float* b, int n)
    {
        var i = 0;
        var sum = 0f;
        if (Avx512F.IsSupported && n >= 16)
        {
            Vector512<float> s0 = Vector512<float>.Zero, s1 = s0, s2 = s0, s3 = s0;
            for (; i <= n - 64; i += 64)
            {
                var c0 = Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(Vector128.Load(codes + i)));
                var c1 = Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(Vector128.Load(codes + i + 16)));
                var c2 = Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(Vector128.Load(codes + i + 32)));
                var c3 = Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(Vector128.Load(codes + i + 48)));
                s0 = Vector512.MultiplyAddEstimate(c0, Vector512.Load(b + i), s0);
                s1 = Vector512.MultiplyAddEstimate(c1, Vector512.Load(b + i + 16), s1);
                s2 = Vector512.MultiplyAddEstimate(c2, Vector512.Load(b + i + 32), s2);
                s3 = Vector512.MultiplyAddEstimate(c3, Vector512.Load(b + i + 48), s3);
            }

            for (; i <= n - 16; i += 16)
            {
                var c = Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(Vector128.Load(codes + i)));
                s0 = Vector512.MultiplyAddEstimate(c, Vector512.Load(b + i), s0);
            }

            sum = Vector512.Sum((s0 + s1) + (s2 + s3));
        }
        else if (Avx2.IsSupported && n >= 8)
        {
            Vector256<float> s0 = Vector256<float>.Zero, s1 = s0;
            for (; i <= n - 16; i += 16)
            {
                var c0 = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(codes + i));
                var c1 = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(codes + i + 8));
                s0 = Vector256.MultiplyAddEstimate(c0, Vector256.Load(b + i), s0);
                s1 = Vector256.MultiplyAddEstimate(c1, Vector256.Load(b + i + 8), s1);
            }

            for (; i <= n - 8; i += 8)
            {
                var c = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(codes + i));
                s0 = Vector256.MultiplyAddEstimate(c, Vector256.Load(b + i), s0);
            }

            sum = Vector256.Sum(s0 + s1);
        }

        for (; i < n; i++)
        {
            sum += codes[i] * b[i];
        }

        return sum;
    }
}
