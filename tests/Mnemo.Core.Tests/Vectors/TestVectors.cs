namespace Mnemo.Core.Tests.Vectors;

/// <summary>Deterministic test data: seeded Gaussian clusters and exact ground truth.</summary>
internal static class TestVectors
{
    /// <summary>
    /// Gaussian clusters with a low intrinsic dimension, like real embeddings (and shared/bench/ann/gen.py): each
    /// cluster spreads along a few random directions plus small isotropic noise. Same seed, same data.
    /// </summary>
    public static float[][] Clustered(int count, int dimensions, int seed, int clusters = 8, bool normalise = false)
    {
        const int Rank = 6;
        var structure = new Random(1234 + dimensions);     // the mixture depends on the dimension only
        var centres = new float[clusters][];
        var bases = new float[clusters][][];
        for (var c = 0; c < clusters; c++)
        {
            centres[c] = Enumerable.Range(0, dimensions).Select(_ => (float)Gaussian(structure)).ToArray();
            bases[c] = new float[Rank][];
            for (var r = 0; r < Rank; r++)
            {
                var strength = 2.0 / (r + 1);
                bases[c][r] = Enumerable.Range(0, dimensions).Select(_ => (float)(Gaussian(structure) * strength / Math.Sqrt(dimensions) * 3)).ToArray();
            }
        }

        var random = new Random(seed);
        var result = new float[count][];
        for (var i = 0; i < count; i++)
        {
            var c = random.Next(clusters);
            var v = new float[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                v[d] = centres[c][d] + (float)(Gaussian(random) * 0.6);
            }

            for (var r = 0; r < Rank; r++)
            {
                var u = (float)Gaussian(random);
                for (var d = 0; d < dimensions; d++)
                {
                    v[d] += u * bases[c][r][d];
                }
            }

            if (normalise)
            {
                Normalise(v);
            }

            result[i] = v;
        }

        return result;
    }

    public static void Normalise(float[] v)
    {
        var sum = 0.0;
        foreach (var x in v)
        {
            sum += x * x;
        }

        var inverse = (float)(1 / Math.Sqrt(sum));
        for (var i = 0; i < v.Length; i++)
        {
            v[i] *= inverse;
        }
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
