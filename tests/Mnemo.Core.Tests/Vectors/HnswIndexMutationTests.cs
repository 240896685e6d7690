using Mnemo.Core.Vectors;

namespace Mnemo.Core.Tests.Vectors;

public sealed class HnswIndexMutationTests
{
    [Fact]
    public void Remove_DeletedIds_NeverReturned()
    {
        var data = TestVectors.Clustered(3000, 32, seed: 20);
        var queries = TestVectors.Clustered(50, 32, seed: 21);
        using var index = IndexTestHelpers.Build(data, VectorMetric.L2);
        var removed = new HashSet<long>();
        for (long id = 0; id < 3000; id += 7)
        {
            Assert.True(index.Remove(id));
            removed.Add(id);
        }

        foreach (var q in queries)
        {
            var result = index.Search(q, 10, 64);
            Assert.Equal(10, result.Length);
            Assert.DoesNotContain(result, m => removed.Contains(m.Id));
        }

        Assert.Equal(3000 - removed.Count, index.Count);
    }

    [Fact]
    public void Remove_ItsOwnVector_NotFoundAnymore()
    {
        var data = TestVectors.Clustered(2000, 32, seed: 22);
        using var index = IndexTestHelpers.Build(data, VectorMetric.Cosine);

        index.Remove(123);

        Assert.NotEqual(123, index.Search(data[123], 1, 64)[0].Id);
        Assert.False(index.Contains(123));
        Assert.False(index.Remove(123));
    }

    [Fact]
    public void Compact_AfterManyDeletes_DropsTombstonesAndKeepsRecall()
    {
        var data = TestVectors.Clustered(4000, 48, seed: 23);
        var queries = TestVectors.Clustered(100, 48, seed: 24);
        using var index = new HnswIndex(new HnswOptions
        {
            Dimensions = 48,
            Metric = VectorMetric.L2,
            M = 12,
            EfConstruction = 100,
            ExactSearchThreshold = 0,
            CompactionThreshold = 0,
        });
        for (var i = 0; i < data.Length; i++)
        {
            index.Add(i, data[i]);
        }

        for (long id = 0; id < 4000; id += 3)
        {
            index.Remove(id);
        }

        var memoryBefore = index.MemoryBytes;
        index.Compact();

        Assert.Equal(0, index.DeletedCount);
        Assert.Equal(4000 - 1334, index.Count);
        Assert.True(index.MemoryBytes < memoryBefore);
        var recall = IndexTestHelpers.Recall(index, queries, 10, 16);
        Assert.True(recall >= 0.95, $"recall@10 after compaction {recall:F3}");
        foreach (var q in queries)
        {
            Assert.DoesNotContain(index.Search(q, 10, 64), m => m.Id % 3 == 0);
        }
    }

    [Fact]
    public void Remove_ThirdWithoutCompaction_NeighboursRepairedAndRecallAboveFloor()
    {
        var data = TestVectors.Clustered(4000, 48, seed: 29);
        var queries = TestVectors.Clustered(100, 48, seed: 30);
        using var index = new HnswIndex(new HnswOptions
        {
            Dimensions = 48,
            Metric = VectorMetric.Cosine,
            M = 12,
            EfConstruction = 100,
            ExactSearchThreshold = 0,
            CompactionThreshold = 0,
        });
        for (var i = 0; i < data.Length; i++)
        {
            index.Add(i, data[i]);
        }

        for (long id = 1; id < 4000; id += 3)
        {
            index.Remove(id);
        }

        Assert.Equal(1333, index.DeletedCount);
        var recall = IndexTestHelpers.Recall(index, queries, 10, 16);
        Assert.True(recall >= 0.94, $"recall@10 with a third tombstoned {recall:F3}");
    }

    [Fact]
    public void Remove_PastThreshold_CompactsAutomatically()
    {
        var data = TestVectors.Clustered(1000, 16, seed: 25);
        using var index = new HnswIndex(new HnswOptions { Dimensions = 16, CompactionThreshold = 0.2, ExactSearchThreshold = 0 });
        for (var i = 0; i < data.Length; i++)
        {
            index.Add(i, data[i]);
        }

        for (long id = 0; id < 300; id++)
        {
            index.Remove(id);
        }

        Assert.True(index.DeletedCount < 200, $"{index.DeletedCount} tombstones left");
        Assert.Equal(700, index.Count);
        Assert.True(index.Contains(500));
        Assert.Equal(500, index.Search(data[500], 1, 32)[0].Id);
    }

    [Fact]
    public void Update_MovedVector_FoundAtNewPlace()
    {
        var data = TestVectors.Clustered(3000, 32, seed: 26);
        using var index = IndexTestHelpers.Build(data, VectorMetric.L2);
        var target = data[2500];

        Assert.True(index.Update(17, target));

        var result = index.Search(target, 2, 64);
        Assert.Contains(result, m => m.Id == 17 && m.Distance < 1e-3f);
        Assert.NotEqual(17, index.Search(data[17], 1, 64)[0].Id);
        Assert.Equal(3000, index.Count);
    }

    [Fact]
    public void Update_MissingId_ReturnsFalse()
    {
        using var index = new HnswIndex(new HnswOptions { Dimensions = 2 });

        Assert.False(index.Update(5, [1, 2]));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Remove_EverythingThenCompact_LeavesEmptyIndexThatAcceptsAdds()
    {
        var data = TestVectors.Clustered(500, 16, seed: 27);
        using var index = IndexTestHelpers.Build(data, VectorMetric.Cosine);
        for (long id = 0; id < 500; id++)
        {
            index.Remove(id);
        }

        index.Compact();
        Assert.Empty(index.Search(data[0], 5));
        index.Add(9, data[9]);

        Assert.Equal(9, index.Search(data[9], 1)[0].Id);
    }

    [Fact]
    public void AddRemoveUpdate_RandomSequence_ContainsMatchesModel()
    {
        var random = new Random(28);
        var model = new HashSet<long>();
        using var index = new HnswIndex(new HnswOptions { Dimensions = 4, CompactionThreshold = 0.3 });
        for (var step = 0; step < 5000; step++)
        {
            var id = random.NextInt64(-500, 500) * 7919;
            var vector = new[] { (float)random.NextDouble(), (float)random.NextDouble(), 1f, (float)step };
            switch (random.Next(3))
            {
                case 0 when !model.Contains(id):
                    index.Add(id, vector);
                    model.Add(id);
                    break;
                case 1:
                    Assert.Equal(model.Remove(id), index.Remove(id));
                    break;
                default:
                    Assert.Equal(model.Contains(id), index.Update(id, vector));
                    break;
            }
        }

        Assert.Equal(model.Count, index.Count);
        for (long id = -500; id < 500; id++)
        {
            Assert.Equal(model.Contains(id * 7919), index.Contains(id * 7919));
        }
    }
}
