using Mnemo.Core.Vectors;

namespace Mnemo.Core.Tests.Vectors;

public sealed class HnswIndexQuantizationTests
{
    [Fact]
    public void MemoryBytes_Int8_AboutFourTimesSmallerVectors()
    {
        var data = TestVectors.Clustered(3000, 256, seed: 50, normalise: true);
        using var floats = IndexTestHelpers.Build(data, VectorMetric.Cosine, m: 8);
        using var int8 = IndexTestHelpers.Build(data, VectorMetric.Cosine, VectorQuantization.Int8, m: 8);

        // Vectors are 1,024 B as floats and 264 B as int8 (codes, scale, norm); the graph (2M + 1 ints per node) is the same.
        var ratio = int8.MemoryBytes / (double)floats.MemoryBytes;

        Assert.InRange(ratio, 0.25, 0.40);
    }

    [Theory]
    [InlineData(VectorMetric.Cosine)]
    [InlineData(VectorMetric.L2)]
    public void Search_Int8WithRerank_RecallAboveFloor(VectorMetric metric)
    {
        var data = TestVectors.Clustered(4000, 64, seed: 51, normalise: metric == VectorMetric.Cosine);
        var queries = TestVectors.Clustered(100, 64, seed: 52, normalise: metric == VectorMetric.Cosine);
        using var index = IndexTestHelpers.Build(data, metric, VectorQuantization.Int8, new IndexTestHelpers.ArraySource(data));

        var recall = IndexTestHelpers.Recall(index, queries, 10, 16);

        Assert.True(recall >= 0.95, $"int8 recall@10 after re-rank {recall:F3}");
    }

    [Fact]
    public void Search_Int8WithRerank_ReportsExactFloatDistances()
    {
        var data = TestVectors.Clustered(2000, 32, seed: 53);
        using var index = IndexTestHelpers.Build(data, VectorMetric.L2, VectorQuantization.Int8, new IndexTestHelpers.ArraySource(data));
        var query = data[77];

        var result = index.Search(query, 5, 32);

        Assert.Equal(77, result[0].Id);
        Assert.Equal(0f, result[0].Distance);
        foreach (var match in result)
        {
            var expected = Mnemo.Core.Vectors.Internal.ScalarDistanceKernels.L2Squared(data[match.Id], query);
            Assert.Equal(expected, match.Distance, expected * 1e-4f + 1e-4f);
        }
    }

    [Fact]
    public void Search_Int8WithoutSource_StillFindsNeighbours()
    {
        var data = TestVectors.Clustered(3000, 64, seed: 54);
        var queries = TestVectors.Clustered(50, 64, seed: 55);
        using var index = IndexTestHelpers.Build(data, VectorMetric.L2, VectorQuantization.Int8);
        using var reference = IndexTestHelpers.Build(data, VectorMetric.L2);

        // Compare against the float index's exact answers: codes alone lose a little precision.
        var hits = 0;
        foreach (var q in queries)
        {
            var exact = reference.ExactSearch(q, 10).Select(m => m.Id).ToHashSet();
            hits += index.Search(q, 10, 16).Count(m => exact.Contains(m.Id));
        }

        Assert.True(hits / 500.0 >= 0.93, $"int8 recall@10 without re-rank {hits / 500.0:F3}");
    }
}
