using Mnemo.Core.Vectors;

namespace Mnemo.Core.Tests.Vectors;

/// <summary>An index file used in place through a memory map (HnswIndex.Open) answers as the index that saved it.</summary>
[Trait("Issue", "15")]
public sealed class HnswIndexMappingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mnemo-map-" + Guid.NewGuid().ToString("N"));

    public HnswIndexMappingTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(VectorMetric.Cosine, VectorQuantization.None)]
    [InlineData(VectorMetric.L2, VectorQuantization.None)]
    [InlineData(VectorMetric.Dot, VectorQuantization.Int8)]
    [InlineData(VectorMetric.Cosine, VectorQuantization.Int8)]
    public void Open_SavedIndex_IsMappedAndAnswersIdentically(VectorMetric metric, VectorQuantization quantization)
    {
        // 3,000 nodes span several whole segments plus a partial one, and more than one chunk of upper lists.
        var data = TestVectors.Clustered(3000, 32, seed: 160);
        var queries = TestVectors.Clustered(40, 32, seed: 161);
        using var index = IndexTestHelpers.Build(data, metric, quantization);
        index.Remove(10);
        index.Remove(2999);
        var path = Path.Combine(_directory, "index.hnsw");
        index.Save(path, coveredSequence: 77);

        using var mapped = HnswIndex.Open(path);

        Assert.True(mapped.IsMapped);
        Assert.Equal(77, mapped.CoveredSequence);
        Assert.Equal(index.Count, mapped.Count);
        Assert.Equal(index.DeletedCount, mapped.DeletedCount);
        foreach (var q in queries)
        {
            Assert.Equal(index.Search(q, 10, 40), mapped.Search(q, 10, 40));
            Assert.Equal(index.ExactSearch(q, 5), mapped.ExactSearch(q, 5));
        }
    }

    [Fact]
    public void Open_IdTable_FindsEveryLiveIdAndNoRemovedOne()
    {
        var data = TestVectors.Clustered(1500, 8, seed: 162);
        using var index = IndexTestHelpers.Build(data, VectorMetric.L2, firstId: 1_000_000);
        index.Remove(1_000_007);
        var path = Path.Combine(_directory, "index.hnsw");
        index.Save(path, 1);

        using var mapped = HnswIndex.Open(path);

        Assert.All(Enumerable.Range(0, 1500).Where(i => i != 7), i => Assert.True(mapped.Contains(1_000_000 + i)));
        Assert.False(mapped.Contains(1_000_007));
        Assert.False(mapped.Contains(999_999));
        var some = new long[] { 1_000_003, 1_000_007, 1_000_500 };
        Assert.Equal(index.ExactSearch(data[3], 3, some), mapped.ExactSearch(data[3], 3, some));
    }

    [Fact]
    public void Open_ThenChanged_MatchesTheInMemoryIndexGivenTheSameChanges()
    {
        var data = TestVectors.Clustered(2600, 16, seed: 163);
        using var index = IndexTestHelpers.Build(data[..2000], VectorMetric.Cosine);
        var path = Path.Combine(_directory, "index.hnsw");
        index.Save(path, 1);
        using var mapped = HnswIndex.Open(path);
        var fileBefore = File.ReadAllBytes(path);

        foreach (var changed in new[] { index, mapped })
        {
            for (var i = 2000; i < 2600; i++)
            {
                changed.Add(i, data[i]);
            }

            changed.Remove(5);
            changed.Remove(2100);
            changed.Update(6, data[7]);
        }

        foreach (var q in data[..50])
        {
            Assert.Equal(index.Search(q, 10, 50), mapped.Search(q, 10, 50));
        }

        // Copy-on-write: the changes live in this process, the file is as saved.
        Assert.Equal(fileBefore, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_CompactedAfterOpening_KeepsAnswering()
    {
        var data = TestVectors.Clustered(1200, 8, seed: 164);
        using var index = IndexTestHelpers.Build(data, VectorMetric.L2);
        var path = Path.Combine(_directory, "index.hnsw");
        index.Save(path, 1);
        using var mapped = HnswIndex.Open(path);

        for (var i = 0; i < 400; i++)
        {
            index.Remove(i);
            mapped.Remove(i);
        }

        index.Compact();
        mapped.Compact();

        Assert.Equal(0, mapped.DeletedCount);
        Assert.True(mapped.Contains(900));
        Assert.False(mapped.Contains(10));
        Assert.Equal(index.Search(data[700], 10, 50), mapped.Search(data[700], 10, 50));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Open_OlderFormat_IsReadWholeAndRewrittenByPersist(int version)
    {
        var data = TestVectors.Clustered(600, 16, seed: 165);
        using var index = IndexTestHelpers.Build(data, VectorMetric.Cosine);
        var path = Path.Combine(_directory, "old.hnsw");
        index.Save(path, 3);
        LegacyIndexFiles.Rewrite(path, version);

        using var opened = HnswIndex.Open(path);

        Assert.False(opened.IsMapped);
        Assert.Equal(index.Search(data[1], 10, 40), opened.Search(data[1], 10, 40));
        Assert.Equal(IndexPersistence.Rewritten, opened.Persist(path, 3, Guid.Empty));
        using var migrated = HnswIndex.Open(path);
        Assert.True(migrated.IsMapped);
        Assert.Equal(index.Search(data[1], 10, 40), migrated.Search(data[1], 10, 40));
    }

    [Theory]
    [InlineData(37, VectorIndexFileProblem.ChecksumMismatch)]      // a header byte (the node count)
    [InlineData(-1, VectorIndexFileProblem.Truncated)]             // the last byte missing
    public void Open_DamagedHeaderOrLength_IsRefused(int offset, VectorIndexFileProblem problem)
    {
        var data = TestVectors.Clustered(300, 8, seed: 166);
        using var index = IndexTestHelpers.Build(data, VectorMetric.L2);
        var path = Path.Combine(_directory, "index.hnsw");
        index.Save(path, 1);
        var bytes = File.ReadAllBytes(path);
        if (offset >= 0)
        {
            bytes[offset] ^= 1;
        }
        else
        {
            bytes = bytes[..^1];
        }

        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<VectorIndexCorruptException>(() => HnswIndex.Open(path));

        Assert.Equal(problem, ex.Problem);
    }

    [Fact]
    public void Open_DamagedNeighbourLists_SearchStaysInBounds()
    {
        // The map is not validated as a whole: garbage lists must give (possibly poor) answers, never a read outside the file.
        var data = TestVectors.Clustered(2000, 8, seed: 167);
        using var index = IndexTestHelpers.Build(data, VectorMetric.L2);
        var path = Path.Combine(_directory, "index.hnsw");
        index.Save(path, 1);
        var bytes = File.ReadAllBytes(path);
        var random = new Random(168);
        for (var i = 0; i < 20_000; i++)
        {
            bytes[128 + random.Next(bytes.Length - 256)] = (byte)random.Next(256);
        }

        File.WriteAllBytes(path, bytes);
        using var mapped = HnswIndex.Open(path);

        foreach (var q in data[..50])
        {
            Assert.True(mapped.Search(q, 10, 40).Length <= 10);
            mapped.Contains((long)random.Next(2000));
        }

        for (var i = 0; i < 50; i++)
        {
            mapped.Remove(i);
            mapped.Add(10_000 + i, data[i]);
        }
    }
}
