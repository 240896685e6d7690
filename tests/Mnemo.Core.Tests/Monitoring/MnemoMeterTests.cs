using System.Diagnostics.Metrics;
using Mnemo.Core.Monitoring;
using Mnemo.Core.Results;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring;

/// <summary>The <c>Mnemo</c> meter publishes the figures of the latest snapshot, instrument by instrument.</summary>
[Trait("Issue", "17")]
[Collection(MeterCollection.Name)]
public sealed class MnemoMeterTests : EngineTestBase
{
    [Fact]
    public async Task Instruments_AfterGetMetrics_PublishTheSnapshotsFigures()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b/1", Text = "one" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "c/2", Text = "two two" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "c/2", Text = "two again" }, Ct);
        var snapshot = await Engine.GetMetricsAsync(cancellationToken: Ct);

        var measured = Collect();

        var location = snapshot.Store.Location;
        foreach (var g in snapshot.Process.Generations)
        {
            Assert.Equal(g.SizeAfterBytes, measured.Single(m => m.Name == "mnemo.process.gc.heap.size" && m.Tag("gc.heap.generation") == g.Generation).Value);
            Assert.Equal(g.FragmentationAfterBytes,
                measured.Single(m => m.Name == "mnemo.process.gc.heap.fragmentation.size" && m.Tag("gc.heap.generation") == g.Generation).Value);
        }

        for (var generation = 0; generation < 3; generation++)
        {
            Assert.Equal(snapshot.Process.CollectionCounts[generation],
                measured.Single(m => m.Name == "mnemo.process.gc.collections" && m.Tag("gc.heap.generation") == GcGenerationSize.Names[generation]).Value);
        }

        Assert.Equal(snapshot.Process.TotalAllocatedBytes, measured.Single(m => m.Name == "mnemo.process.gc.allocated").Value);
        Assert.Equal(snapshot.Process.HeapSizeBytes, measured.Single(m => m.Name == "mnemo.process.gc.heap.total_size").Value);
        Assert.Equal(snapshot.Process.WorkingSetBytes, measured.Single(m => m.Name == "mnemo.process.memory.working_set").Value);
        Assert.Equal(snapshot.Process.PrivateBytes, measured.Single(m => m.Name == "mnemo.process.memory.private").Value);
        Assert.Equal(snapshot.Process.ResidentBytes, measured.SingleOrDefault(m => m.Name == "mnemo.process.memory.resident")?.Value);
        Assert.Equal(snapshot.Process.MachineAvailableBytes, measured.SingleOrDefault(m => m.Name == "mnemo.system.memory.available")?.Value);

        foreach (var file in snapshot.Store.Files)
        {
            var m = measured.Single(m => m.Name == "mnemo.store.file.size" && m.Tag("mnemo.store") == location && m.Tag("mnemo.store.file.name") == Path.GetFileName(file.Path));
            Assert.Equal(file.Bytes, m.Value);
            Assert.Equal(StatusReportJson.KindName(file.Kind), m.Tag("mnemo.store.file.kind"));
        }

        Assert.Equal(["a", "c"], snapshot.Store.Namespaces.Select(n => n.Prefix));
        foreach (var n in snapshot.Store.Namespaces)
        {
            bool Of(Observed m, string name) => m.Name == name && m.Tag("mnemo.store") == location && m.Tag("mnemo.namespace.prefix") == n.Prefix;
            Assert.Equal(n.Entries, measured.Single(m => Of(m, "mnemo.store.namespace.entries")).Value);
            Assert.Equal(n.Bytes, measured.Single(m => Of(m, "mnemo.store.namespace.bytes")).Value);
            Assert.Equal(n.HistoryVersions, measured.Single(m => Of(m, "mnemo.store.namespace.history_versions")).Value);
        }

        Assert.Equal(snapshot.Store.CachedEntries, measured.Single(m => m.Name == "mnemo.cache.entries" && m.Tag("mnemo.store") == location).Value);
    }

    [Fact]
    public async Task Instruments_AfterTheEngineIsDisposed_NoLongerPublishItsStore()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/1", Text = "one" }, Ct);
        var other = await OpenAsync();
        var location = (await other.GetMetricsAsync(cancellationToken: Ct)).Store.Location;

        await other.DisposeAsync();

        Assert.DoesNotContain(Collect(), m => m.Tag("mnemo.store") == location);
    }

    [Fact]
    public void Meter_NameAndVersion_AreStable()
    {
        Assert.Equal("Mnemo", MnemoMeter.Meter.Name);
        Assert.Equal(MnemoMeter.Version, MnemoMeter.Meter.Version);
    }

    [Fact]
    public void Instruments_Every_IsDocumentedInMetricsMd()
    {
        var documented = File.ReadAllText(RepositoryFiles.Path("docs", "metrics.md"));
        var names = new List<string>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, MnemoMeter.Meter))
                {
                    names.Add(instrument.Name);
                }
            };
            listener.Start();
        }

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains($"| `{name}` |", documented, StringComparison.Ordinal));
    }

    private static List<Observed> Collect()
    {
        var measured = new List<Observed>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, MnemoMeter.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measured.Add(new Observed(instrument.Name, value, tags.ToArray())));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measured.Add(new Observed(instrument.Name, (long)value, tags.ToArray())));
        listener.Start();
        listener.RecordObservableInstruments();
        return measured;
    }

    private sealed record Observed(string Name, long Value, KeyValuePair<string, object?>[] Tags)
    {
        public string? Tag(string name) => Tags.FirstOrDefault(t => t.Key == name).Value as string;
    }
}
