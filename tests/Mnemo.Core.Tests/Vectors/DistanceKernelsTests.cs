using Mnemo.Core.Vectors.Internal;

namespace Mnemo.Core.Tests.Vectors;

public sealed unsafe class DistanceKernelsTests
{
    public static TheoryData<int> Lengths => [1, 3, 7, 8, 15, 16, 17, 31, 33, 63, 64, 65, 100, 128, 129, 384, 385, 1536];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Dot_AnyLength_MatchesScalarReference(int length)
    {
        var (a, b) = Pair(length, 1);
        fixed (float* pa = a, pb = b)
        {
            Assert.Equal(ScalarDistanceKernels.Dot(a, b), DistanceKernels.Dot(pa, pb, length), Tolerance(length));
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void L2Squared_AnyLength_MatchesScalarReference(int length)
    {
        var (a, b) = Pair(length, 2);
        fixed (float* pa = a, pb = b)
        {
            Assert.Equal(ScalarDistanceKernels.L2Squared(a, b), DistanceKernels.L2Squared(pa, pb, length), Tolerance(length) * 4);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void DotInt8_AnyLength_MatchesScalarReference(int length)
    {
        var (_, b) = Pair(length, 3);
        var random = new Random(length);
        var codes = new sbyte[length];
        for (var i = 0; i < length; i++)
        {
            codes[i] = (sbyte)random.Next(-127, 128);
        }

        fixed (sbyte* pc = codes)
        fixed (float* pb = b)
        {
            Assert.Equal(ScalarDistanceKernels.DotInt8(codes, b), DistanceKernels.DotInt8(pc, pb, length), Tolerance(length) * 127);
        }
    }

    [Fact]
    public void Int8Codec_EncodeDecode_ErrorWithinHalfStep()
    {
        var (a, _) = Pair(100, 4);
        var node = stackalloc byte[Int8Codec.StoredBytes(100)];
        Int8Codec.Encode(a, node);
        var decoded = new float[100];
        Int8Codec.Decode(node, decoded);
        var step = Int8Codec.Scale(node, 100);
        for (var i = 0; i < 100; i++)
        {
            Assert.InRange(MathF.Abs(decoded[i] - a[i]), 0, (step / 2) + 1e-6f);
        }
    }

    private static float Tolerance(int length) => 1e-4f * MathF.Sqrt(length) * 4;

    private static (float[] A, float[] B) Pair(int length, int seed)
    {
        var random = new Random(seed * 1000 + length);
        var a = new float[length];
        var b = new float[length];
        for (var i = 0; i < length; i++)
        {
            a[i] = (float)((random.NextDouble() * 2) - 1);
            b[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return (a, b);
    }
}
