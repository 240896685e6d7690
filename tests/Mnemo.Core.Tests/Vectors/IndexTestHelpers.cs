using Mnemo.Core.Vectors;

namespace Mnemo.Core.Tests.Vectors;

internal static class IndexTestHelpers
{
    public static HnswIndex Build(float[][] vectors, VectorMetric metric, VectorQuantization quantization = VectorQuantization.None,
        IVectorSource? source = null, int m = 12, int efConstruction = 100, long firstId = 0)
    {
        var index = new HnswIndex(
            new HnswOptions
            {
                Dimensions = vectors[0].Length,
                Metric = metric,
                M = m,
                EfConstruction = efConstruction,
                Quantization = quantization,
                ExactSearchThreshold = 0,
            },
            source);
        for (var i = 0; i < vectors.Length; i++)
        {
            index.Add(firstId + i, vectors[i]);
        }

        return index;
    }

    /// <summary>Mean recall@k of the graph search against exact search.</summary>
    public static double Recall(HnswIndex index, float[][] queries, int k, int ef, Func<long, bool>? filter = null)
    {
        var hits = 0;
        foreach (var q in queries)
        {
            var exact = index.ExactSearch(q, k, filter).Select(m => m.Id).ToHashSet();
            hits += index.Search(q, k, ef, filter).Count(m => exact.Contains(m.Id));
        }

        return hits / (double)(queries.Length * k);
    }

    public sealed class ArraySource(float[][] vectors, long firstId = 0) : IVectorSource
    {
        public bool TryGetVector(long id, Span<float> destination)
        {
            var row = id - firstId;
            if (row < 0 || row >= vectors.Length)
            {
                return false;
            }

            vectors[row].CopyTo(destination);
            return true;
        }
    }
}
