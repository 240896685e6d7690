using Mnemo.Core;
using Mnemo.Core.Monitoring;
using Mnemo.TestSupport;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Maintenance;

/// <summary>The store contract of issue 17: sizes per namespace prefix, and a bounded metrics history shared by processes.</summary>
[Trait("Issue", "17")]
public abstract class MetricsStoreTests<TBackend> : EngineTestBase<TBackend>
    where TBackend : IStoreBackend
{
    [Fact]
    public async Task GetSizes_PrefixDepth_GroupsNamespacesAndCountsHistory()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "p/q/1", Text = "aaaa" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "p/q/1", Text = "bbbbbb" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "p/r/2", Text = "cc" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "top", Text = "d" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "z/gone", Text = "e" }, Ct);
        await Engine.ForgetAsync("z/gone", cancellationToken: Ct);
        await using var store = await OpenStoreAsync();

        var byFirst = await store.GetSizesAsync(1, Ct);
        var bySecond = await store.GetSizesAsync(2, Ct);

        Assert.Equal(["", "p", "z"], byFirst.Namespaces.Select(n => n.Prefix));
        Assert.Equal([1L, 2L, 0L], byFirst.Namespaces.Select(n => n.Entries));
        Assert.Equal([0L, 1L, 1L], byFirst.Namespaces.Select(n => n.HistoryVersions));
        Assert.True(byFirst.Namespaces[1].Bytes >= "bbbbbb".Length + "cc".Length);
        Assert.Equal(0, byFirst.Namespaces[2].Bytes);
        Assert.Equal(["", "p/q", "p/r", "z"], bySecond.Namespaces.Select(n => n.Prefix));
        Assert.Equal(byFirst.Namespaces[1].Bytes, bySecond.Namespaces[1].Bytes + bySecond.Namespaces[2].Bytes);
        Assert.All(byFirst.Files, file => Assert.Equal(new FileInfo(file.Path).Length, file.Bytes));
    }

    [Fact]
    public async Task GetSizes_DepthBelowOne_Throws()
    {
        await using var store = await OpenStoreAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.GetSizesAsync(0, Ct));
    }

    [Fact]
    public async Task AddMetricSample_KeepsTheNewestCountAndThoseSinceTheCut()
    {
        await using var store = await OpenStoreAsync();
        var start = Clock.GetUtcNow();
        var ids = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            var sample = new MetricSample(0, 100 + (i % 2), "host", i % 2 == 0 ? "ann" : null, start.AddMinutes(i), "{}");
            ids.Add((await store.AddMetricSampleAsync(sample, keepCount: 4, keepSince: start.AddMinutes(i - 3), Ct)).Id);
        }

        var all = await store.GetMetricSamplesAsync(start, cancellationToken: Ct);
        var ofOne = await store.GetMetricSamplesAsync(start, 101, Ct);

        Assert.Equal(ids.Skip(2), all.Select(s => s.Id));
        Assert.Equal([start.AddMinutes(3), start.AddMinutes(5)], ofOne.Select(s => s.At));
        Assert.Equal(start.AddMinutes(2), all[0].At);
        Assert.Equal("ann", all[0].Agent);
        Assert.Null(all[1].Agent);
        Assert.Equal(4, (await store.GetSizesAsync(1, Ct)).MetricSamples);
    }

    [Fact]
    public async Task AddMetricSample_OlderThanTheCut_IsStillKeptItself()
    {
        await using var store = await OpenStoreAsync();
        var now = Clock.GetUtcNow();

        var added = await store.AddMetricSampleAsync(new MetricSample(0, 1, "h", null, now.AddDays(-30), "{}"), 10, now, Ct);

        Assert.Equal(added, Assert.Single(await store.GetMetricSamplesAsync(DateTimeOffset.UnixEpoch, cancellationToken: Ct)));
    }
}
