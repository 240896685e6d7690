using BenchmarkDotNet.Attributes;
using Mnemo.Core.Vectors.Internal;

namespace Mnemo.MicroBenchmarks.Vectors;

/// <summary>The SIMD distance kernels of the vector index against their scalar reference.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Vectors")]
public unsafe class DistanceKernelsBenchmarks
{
    private float[] _a = [];
    private float[] _b = [];

    [Params(384, 768, 1536)]
    public int Dimensions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _a = Enumerable.Range(0, Dimensions).Select(_ => (float)random.NextDouble()).ToArray();
        _b = Enumerable.Range(0, Dimensions).Select(_ => (float)random.NextDouble()).ToArray();
    }

    [Benchmark(Baseline = true)]
    public float DotScalar() => ScalarDistanceKernels.Dot(_a, _b);

    [Benchmark]
    public float DotSimd()
    {
        fixed (float* a = _a, b = _b)
        {
            return DistanceKernels.Dot(a, b, Dimensions);
        }
    }

    [Benchmark]
    public float L2Simd()
    {
        fixed (float* a = _a, b = _b)
        {
            return DistanceKernels.L2Squared(a, b, Dimensions);
        }
    }
}
