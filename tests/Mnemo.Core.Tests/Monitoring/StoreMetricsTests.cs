using System.Text;
using System.Text.Json;
using Mnemo.Core.Monitoring;
using Mnemo.Core.Storage;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring;

/// <summary>Store figures are checked against the file system and against counting through the engine's own reads.</summary>
[Trait("Issue", "17")]
[Collection(MeterCollection.Name)]
public sealed class StoreMetricsTests : EngineTestBase
{
    private static readonly string[] s_keys =
        ["alpha/notes/1", "alpha/notes/2", "alpha/tasks/1", "beta/x", "beta/y/z/deep", "solo", "gamma/gone"];

    [Fact]
    public async Task GetMetrics_FileSizes_EqualTheFileSystems()
    {
        await WriteSampleDataAsync();

        var metrics = await Engine.GetMetricsAsync(cancellationToken: Ct);

        Assert.Contains(metrics.Store.Files, f => f.Kind == StoreFileKind.Database);
        Assert.Contains(metrics.Store.Files, f => f.Kind == StoreFileKind.WriteAheadLog);
        foreach (var file in metrics.Store.Files)
        {
            Assert.Equal(new FileInfo(file.Path).Length, file.Bytes);
        }

        var beside = Directory.GetFiles(Temp.Path).Where(p => !p.EndsWith(".lock", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(beside, metrics.Store.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task GetMetrics_Namespaces_EqualCountingThroughTheEngine(int depth)
    {
        await WriteSampleDataAsync();

        var metrics = await Engine.GetMetricsAsync(depth, Ct);

        var expected = new SortedDictionary<string, (long Entries, long Bytes, long History)>(StringComparer.Ordinal);
        foreach (var entry in (await Engine.ListAsync(limit: 1000, cancellationToken: Ct)).Entries)
        {
            var prefix = NamespaceUsage.PrefixOf(entry.Namespace, depth);
            var sum = expected.GetValueOrDefault(prefix);
            var bytes = ContentCodec.Encode(entry.Text, entry.Value).Length
                + (entry.Metadata is { } m ? Encoding.UTF8.GetByteCount(m.GetRawText()) : 0);
            expected[prefix] = (sum.Entries + 1, sum.Bytes + bytes, sum.History);
        }

        foreach (var key in s_keys)
        {
            var prefix = NamespaceUsage.PrefixOf(Core.Keys.MemoryKey.GetNamespace(key), depth);
            var sum = expected.GetValueOrDefault(prefix);
            expected[prefix] = (sum.Entries, sum.Bytes, sum.History + (await Engine.GetHistoryAsync(key, Ct)).Count - 1);
        }

        Assert.Equal(depth, metrics.Store.PrefixDepth);
        Assert.Equal(
            expected.Select(e => new NamespaceUsage(e.Key, e.Value.Entries, e.Value.Bytes, e.Value.History)),
            metrics.Store.Namespaces);
    }

    [Fact]
    public async Task GetMetrics_ExpiredEntry_CountsUntilPurgedAsQuotasCountIt()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "t/short", Text = "gone soon", TimeToLive = TimeSpan.FromMinutes(1) }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "t/long", Text = "stays" }, Ct);
        Clock.Advance(TimeSpan.FromMinutes(2));

        var expired = Assert.Single((await Engine.GetMetricsAsync(cancellationToken: Ct)).Store.Namespaces);
        await Engine.CleanAsync(cancellationToken: Ct);
        var purged = Assert.Single((await Engine.GetMetricsAsync(cancellationToken: Ct)).Store.Namespaces);

        var both = ContentCodec.Encode("gone soon", null).Length + ContentCodec.Encode("stays", null).Length;
        Assert.Equal(new NamespaceUsage("t", 2, both, 0), expired);
        Assert.Equal(new NamespaceUsage("t", 1, ContentCodec.Encode("stays", null).Length, 1), purged);
    }

    [Fact]
    public async Task GetMetrics_Cache_ReportsTheEnginesCache()
    {
        await WriteSampleDataAsync();
        await Engine.GetAsync("alpha/notes/1", Ct);

        var metrics = await Engine.GetMetricsAsync(cancellationToken: Ct);

        Assert.Equal(Engine.Options.CacheCapacity, metrics.Store.CacheCapacity);
        Assert.True(metrics.Store.CachedEntries >= 1);
        Assert.Null(metrics.Store.VectorIndex);
    }

    [Fact]
    public async Task GetMetrics_DepthBelowOne_Throws() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Engine.GetMetricsAsync(0, Ct));

    [Fact]
    public async Task MetricsSnapshotJson_RoundTrip_KeepsEveryFigure()
    {
        await WriteSampleDataAsync();
        var metrics = await Engine.GetMetricsAsync(cancellationToken: Ct);

        var json = MetricsSnapshotJson.Write(metrics);
        var read = MetricsSnapshotJson.Read(json);

        Assert.Equal(json, MetricsSnapshotJson.Write(read));
        Assert.Equal(metrics.Process.HeapSizeBytes, read.Process.HeapSizeBytes);
        Assert.Equal(metrics.Store.Namespaces, read.Store.Namespaces);
        Assert.Equal(metrics.Store.Files, read.Store.Files);
    }

    private async Task WriteSampleDataAsync()
    {
        var metadata = JsonDocument.Parse("""{"source":"test","n":1}""").RootElement;
        foreach (var key in s_keys)
        {
            await Engine.StoreAsync(new MemoryWrite { Key = key, Text = "first text of " + key, Metadata = metadata }, Ct);
        }

        await Engine.StoreAsync(new MemoryWrite { Key = "alpha/notes/1", Text = "a longer second text of alpha/notes/1" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "beta/x", Text = "second", Value = JsonDocument.Parse("[1,2,3]").RootElement }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "beta/x", Text = "third" }, Ct);
        await Engine.ForgetAsync("gamma/gone", cancellationToken: Ct);
    }
}
