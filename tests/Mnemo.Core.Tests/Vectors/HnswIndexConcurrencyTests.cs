using Mnemo.Core.Vectors;

namespace Mnemo.Core.Tests.Vectors;

public sealed class HnswIndexConcurrencyTests
{
    [Fact]
    public async Task Search_DuringInserts_ReturnsValidResults()
    {
        var data = TestVectors.Clustered(4000, 32, seed: 40);
        using var index = IndexTestHelpers.Build(data[..500], VectorMetric.L2);
        var ct = TestContext.Current.CancellationToken;
        using var done = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(() =>
        {
            var searches = 0;
            var random = new Random(r);
            while (!done.IsCancelled() || searches < 50)
            {
                var row = random.Next(data.Length);
                var result = index.Search(data[row], 10, 32);
                Assert.InRange(result.Length, 1, 10);
                Assert.All(result, m => Assert.InRange(m.Id, 0, data.Length - 1));
                Assert.Equal(result.Length, result.Select(m => m.Id).Distinct().Count());
                for (var i = 0; i < result.Length; i++)
                {
                    // Every reported distance is the true distance of that id.
                    var expected = Mnemo.Core.Vectors.Internal.ScalarDistanceKernels.L2Squared(data[result[i].Id], data[row]);
                    Assert.Equal(expected, result[i].Distance, 1e-2f + (expected * 1e-4f));
                }

                searches++;
            }

            return searches;
        }, ct)).ToArray();

        for (var i = 500; i < data.Length; i++)
        {
            index.Add(i, data[i]);
            if (i % 10 == 0)
            {
                index.Remove(i - 5);
            }
        }

        await done.CancelAsync();
        var counts = await Task.WhenAll(readers);

        Assert.All(counts, c => Assert.True(c >= 50));
        Assert.Equal(1234L, index.Search(data[1234], 1, 32)[0].Id);
    }

    [Fact]
    public async Task Search_DuringRemovesWithCompaction_NeverReturnsRemovedIds()
    {
        var data = TestVectors.Clustered(3000, 32, seed: 41);
        using var index = new HnswIndex(new HnswOptions
        {
            Dimensions = 32,
            Metric = VectorMetric.L2,
            M = 12,
            EfConstruction = 100,
            ExactSearchThreshold = 0,
            CompactionThreshold = 0.05,
        });
        for (var i = 0; i < data.Length; i++)
        {
            index.Add(i, data[i]);
        }

        var removedBelow = 0L;     // ids below this are removed (published after each Remove returns)
        using var done = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            var random = new Random(3);
            var searches = 0;
            while (!done.IsCancellationRequested || searches < 50)
            {
                var floor = Volatile.Read(ref removedBelow);
                var result = index.Search(data[random.Next(data.Length)], 10, 32);
                Assert.All(result, m => Assert.True(m.Id >= floor, $"id {m.Id} returned after removal (floor {floor})"));
                searches++;
            }
        }, TestContext.Current.CancellationToken);

        for (var id = 0; id < 1500; id++)
        {
            index.Remove(id);
            Volatile.Write(ref removedBelow, id + 1);
        }

        await done.CancelAsync();
        await reader;

        Assert.Equal(1500, index.Count);
        Assert.True(index.DeletedCount < 1500);
    }
}

internal static class CancellationTokenSourceExtensions
{
    public static bool IsCancelled(this CancellationTokenSource source) => source.IsCancellationRequested;
}
