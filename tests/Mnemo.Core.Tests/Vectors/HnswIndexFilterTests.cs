using Mnemo.Core.Vectors;

namespace Mnemo.Core.Tests.Vectors;

public sealed class HnswIndexFilterTests
{
    [Theory]
    [InlineData(20)]    // 5% of ids match
    [InlineData(100)]   // 1% of ids match
    public void Search_SelectiveFilter_ReturnsKWhenKExist(int modulus)
    {
        var data = TestVectors.Clustered(4000, 32, seed: 30);
        var queries = TestVectors.Clustered(30, 32, seed: 31);
        using var index = IndexTestHelpers.Build(data, VectorMetric.Cosine);
        bool Filter(long id) => id % modulus == 0;

        foreach (var q in queries)
        {
            var result = index.Search(q, 10, 16, Filter);
            Assert.Equal(10, result.Length);
            Assert.All(result, m => Assert.True(Filter(m.Id)));
        }
    }

    [Fact]
    public void Search_FilterMatchingFewerThanK_ReturnsAllMatches()
    {
        var data = TestVectors.Clustered(2000, 32, seed: 32);
        using var index = IndexTestHelpers.Build(data, VectorMetric.L2);

        var result = index.Search(data[0], 10, 16, id => id is 5 or 700 or 1999);

        Assert.Equal([5L, 700L, 1999L], result.Select(m => m.Id).Order());
    }

    [Fact]
    public void Search_Filter_RecallAgainstFilteredExactSearch()
    {
        var data = TestVectors.Clustered(4000, 32, seed: 33);
        var queries = TestVectors.Clustered(50, 32, seed: 34);
        using var index = IndexTestHelpers.Build(data, VectorMetric.L2);

        var recall = IndexTestHelpers.Recall(index, queries, 10, 64, id => id % 20 == 3);

        Assert.True(recall >= 0.95, $"filtered recall@10 {recall:F3}");
    }

    [Fact]
    public void ExactSearch_Ids_EqualsExactSearchFilteredToThem()
    {
        var data = TestVectors.Clustered(3000, 32, seed: 35);
        using var index = IndexTestHelpers.Build(data, VectorMetric.Cosine);
        index.Remove(40);
        var ids = Enumerable.Range(0, 3000).Where(id => id % 7 == 5).Select(id => (long)id).Append(40).Append(999_999).ToHashSet();

        var byIds = index.ExactSearch(data[12], 10, ids);
        var byFilter = index.ExactSearch(data[12], 10, ids.Contains);

        Assert.Equal(byFilter.Select(m => m.Id), byIds.Select(m => m.Id));
        Assert.DoesNotContain(40L, byIds.Select(m => m.Id));
    }
}
