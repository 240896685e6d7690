using Mnemo.Core.Vectors;

namespace Mnemo.Core.Tests.Vectors;

public sealed class HnswIndexRecallTests
{
    // At ef 16 the index reaches 0.98 (cosine, L2) and 0.93 (dot, harder: not a metric) on this data; the floors
    // leave room for kernel rounding differences across CPUs and catch real regressions.
    [Theory]
    [InlineData(VectorMetric.Cosine, 0.95)]
    [InlineData(VectorMetric.Dot, 0.88)]
    [InlineData(VectorMetric.L2, 0.95)]
    public void Search_ClusteredData_RecallAboveFloor(VectorMetric metric, double floor)
    {
        var data = TestVectors.Clustered(4000, 64, seed: 42);
        var queries = TestVectors.Clustered(100, 64, seed: 43);
        using var index = IndexTestHelpers.Build(data, metric);

        var recall = IndexTestHelpers.Recall(index, queries, k: 10, ef: 16);

        Assert.True(recall >= floor, $"recall@10 {recall:F3} below {floor}");
    }

    [Fact]
    public void Search_EmptyIndex_ReturnsNoResults()
    {
        using var index = new HnswIndex(new HnswOptions { Dimensions = 8 });

        Assert.Empty(index.Search(new float[8], 5));
    }

    [Fact]
    public void Search_ExistingVector_FindsItselfFirst()
    {
        var data = TestVectors.Clustered(2000, 32, seed: 7);
        using var index = IndexTestHelpers.Build(data, VectorMetric.L2);

        for (var i = 0; i < 50; i++)
        {
            var result = index.Search(data[i * 40], 1, 32);
            Assert.Equal(i * 40, result[0].Id);
            Assert.Equal(0f, result[0].Distance, 1e-3f);
        }
    }

    [Fact]
    public void Search_SmallSetBelowExactThreshold_EqualsExactSearch()
    {
        var data = TestVectors.Clustered(200, 16, seed: 8);
        using var index = new HnswIndex(new HnswOptions { Dimensions = 16, Metric = VectorMetric.L2, ExactSearchThreshold = 256 });
        for (var i = 0; i < data.Length; i++)
        {
            index.Add(i, data[i]);
        }

        var query = TestVectors.Clustered(1, 16, seed: 9)[0];

        Assert.Equal(index.ExactSearch(query, 10), index.Search(query, 10));
    }

    [Fact]
    public void Search_Results_SortedNearestFirst()
    {
        var data = TestVectors.Clustered(3000, 32, seed: 10);
        using var index = IndexTestHelpers.Build(data, VectorMetric.Cosine);

        var result = index.Search(TestVectors.Clustered(1, 32, seed: 11)[0], 20, 50);

        Assert.Equal(20, result.Length);
        for (var i = 1; i < result.Length; i++)
        {
            Assert.True(result[i - 1].Distance <= result[i].Distance);
        }
    }

    [Fact]
    public void Add_DuplicateId_Throws()
    {
        using var index = new HnswIndex(new HnswOptions { Dimensions = 4 });
        index.Add(1, [1, 0, 0, 0]);

        Assert.Throws<ArgumentException>(() => index.Add(1, [0, 1, 0, 0]));
    }

    [Fact]
    public void Add_WrongDimension_Throws()
    {
        using var index = new HnswIndex(new HnswOptions { Dimensions = 4 });

        Assert.Throws<ArgumentException>(() => index.Add(1, [1, 0, 0]));
    }

    [Fact]
    public void Add_NaN_Throws()
    {
        using var index = new HnswIndex(new HnswOptions { Dimensions = 2 });

        Assert.Throws<ArgumentException>(() => index.Add(1, [float.NaN, 0]));
    }
}
