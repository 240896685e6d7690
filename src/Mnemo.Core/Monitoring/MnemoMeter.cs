using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Mnemo.Core.Results;

namespace Mnemo.Core.Monitoring;

/// <summary>
/// The <see cref="System.Diagnostics.Metrics.Meter"/> named <c>Mnemo</c>: observable instruments for the figures of the
/// latest <see cref="MetricsSnapshot"/> this process measured (docs/metrics.md lists every instrument).
/// </summary>
/// <remarks>
/// The instruments publish what <see cref="MnemoEngine.GetMetricsAsync"/> or <see cref="MnemoEngine.SampleAsync"/>
/// measured last, not a new measurement per collection: the store's figures cost a scan of the store, which a metrics
/// exporter's callback must not run, and one collection then shows figures of one moment. Store figures are tagged with
/// the store's location (<c>mnemo.store</c>), so several engines in one process publish side by side; an engine's
/// figures are withdrawn when it is disposed. Listen with a <see cref="MeterListener"/> or an OpenTelemetry
/// <c>AddMeter("Mnemo")</c>.
/// </remarks>
public static class MnemoMeter
{
    /// <summary>The meter's name.</summary>
    public const string Name = "Mnemo";

    /// <summary>The meter's version: that of its instruments, raised when one changes meaning.</summary>
    public const string Version = "1.0";

    private static readonly ConcurrentDictionary<string, StoreMetrics> s_stores = new(StringComparer.Ordinal);
    private static ProcessMemorySnapshot? s_process;

    /// <summary>The meter itself (for listeners that compare instrument.Meter).</summary>
    public static Meter Meter { get; } = CreateInstruments();

    /// <summary>Makes a snapshot's figures the ones the instruments publish.</summary>
    internal static void Publish(MetricsSnapshot snapshot)
    {
        Volatile.Write(ref s_process, snapshot.Process);
        s_stores[snapshot.Store.Location] = snapshot.Store;
    }

    /// <summary>Stops publishing a store's figures (its engine was disposed).</summary>
    internal static void Withdraw(string location) => s_stores.TryRemove(location, out _);

    private static Meter CreateInstruments()
    {
        var meter = new Meter(Name, Version);
        meter.CreateObservableGauge("mnemo.process.gc.heap.size", () => Generations(g => g.SizeAfterBytes), "By",
            "GC heap size by generation after the last collection");
        meter.CreateObservableGauge("mnemo.process.gc.heap.fragmentation.size", () => Generations(g => g.FragmentationAfterBytes), "By",
            "free space inside each GC generation after the last collection");
        meter.CreateObservableGauge("mnemo.process.gc.heap.total_size", () => Process(p => p.HeapSizeBytes), "By",
            "GC heap size after the last collection, fragmentation included");
        meter.CreateObservableGauge("mnemo.process.gc.committed.size", () => Process(p => p.CommittedBytes), "By",
            "memory the GC has committed");
        meter.CreateObservableCounter("mnemo.process.gc.allocated", () => Process(p => p.TotalAllocatedBytes), "By",
            "bytes allocated since the process started");
        meter.CreateObservableGauge("mnemo.process.gc.allocation.rate", AllocationRate, "By/s",
            "bytes allocated per second between the last two snapshots");
        meter.CreateObservableCounter("mnemo.process.gc.collections", Collections, "{collection}",
            "garbage collections by generation since the process started");
        meter.CreateObservableGauge("mnemo.process.memory.working_set", () => Process(p => p.WorkingSetBytes), "By",
            "physical memory the process uses");
        meter.CreateObservableGauge("mnemo.process.memory.private", () => Process(p => p.PrivateBytes), "By",
            "memory of the process no other process shares");
        meter.CreateObservableGauge("mnemo.process.memory.resident", () => Process(p => p.ResidentBytes), "By",
            "the process's resident set (Linux VmRSS)");
        meter.CreateObservableGauge("mnemo.system.memory.total", () => Process(p => p.MachineTotalBytes), "By",
            "the machine's memory (Linux MemTotal)");
        meter.CreateObservableGauge("mnemo.system.memory.available", () => Process(p => p.MachineAvailableBytes), "By",
            "memory available without swapping (Linux MemAvailable)");
        meter.CreateObservableGauge("mnemo.store.file.size", Files, "By",
            "size of each file of the store on disk");
        meter.CreateObservableGauge("mnemo.store.namespace.entries", () => Namespaces(n => n.Entries), "{entry}",
            "entries visible now under each namespace prefix");
        meter.CreateObservableGauge("mnemo.store.namespace.bytes", () => Namespaces(n => n.Bytes), "By",
            "bytes of current content under each namespace prefix");
        meter.CreateObservableGauge("mnemo.store.namespace.history_versions", () => Namespaces(n => n.HistoryVersions), "{version}",
            "earlier versions kept under each namespace prefix");
        meter.CreateObservableGauge("mnemo.store.metric_samples", () => Stores(s => s.MetricSamples), "{sample}",
            "samples in the store's metrics history");
        meter.CreateObservableGauge("mnemo.vector_index.entries", () => Index(i => i.Entries), "{entry}",
            "vectors the loaded index can find");
        meter.CreateObservableGauge("mnemo.vector_index.deleted", () => Index(i => i.Deleted), "{entry}",
            "deleted vectors the loaded index keeps until compacted");
        meter.CreateObservableGauge("mnemo.vector_index.memory.size", () => Index(i => i.MemoryBytes), "By",
            "memory the loaded vector index takes");
        meter.CreateObservableGauge("mnemo.cache.entries", () => Stores(s => s.CachedEntries), "{entry}",
            "entries in the engine's read cache");
        meter.CreateObservableGauge("mnemo.cache.capacity", () => Stores(s => s.CacheCapacity), "{entry}",
            "the read cache's capacity");
        meter.CreateObservableGauge("mnemo.cache.buffered_reads", () => Stores(s => s.BufferedReads), "{key}",
            "keys whose reads wait to be flushed to the store");
        return meter;
    }

    private static IEnumerable<Measurement<long>> Process(Func<ProcessMemorySnapshot, long?> figure) =>
        Volatile.Read(ref s_process) is { } p && figure(p) is { } value ? [new Measurement<long>(value)] : [];

    private static IEnumerable<Measurement<double>> AllocationRate() =>
        Volatile.Read(ref s_process) is { AllocationRateBytesPerSecond: { } rate } ? [new Measurement<double>(rate)] : [];

    private static IEnumerable<Measurement<long>> Generations(Func<GcGenerationSize, long> figure) =>
        Volatile.Read(ref s_process) is { } p
            ? p.Generations.Select(g => new Measurement<long>(figure(g), new KeyValuePair<string, object?>("gc.heap.generation", g.Generation)))
            : [];

    private static IEnumerable<Measurement<long>> Collections() =>
        Volatile.Read(ref s_process) is { } p
            ? p.CollectionCounts.Select((count, generation) => new Measurement<long>(count, new KeyValuePair<string, object?>("gc.heap.generation", GcGenerationSize.Names[generation])))
            : [];

    private static IEnumerable<Measurement<long>> Files() =>
        s_stores.Values.SelectMany(s => s.Files.Select(f => new Measurement<long>(f.Bytes,
            Store(s), new("mnemo.store.file.kind", StatusReportJson.KindName(f.Kind)), new("mnemo.store.file.name", Path.GetFileName(f.Path)))));

    private static IEnumerable<Measurement<long>> Namespaces(Func<NamespaceUsage, long> figure) =>
        s_stores.Values.SelectMany(s => s.Namespaces.Select(n => new Measurement<long>(figure(n), Store(s), new("mnemo.namespace.prefix", n.Prefix))));

    private static IEnumerable<Measurement<long>> Stores(Func<StoreMetrics, long> figure) =>
        s_stores.Values.Select(s => new Measurement<long>(figure(s), Store(s)));

    private static IEnumerable<Measurement<long>> Index(Func<VectorIndexSize, long> figure) =>
        s_stores.Values.Where(s => s.VectorIndex is not null)
            .Select(s => new Measurement<long>(figure(s.VectorIndex!), Store(s), new("mnemo.vector_index.model", s.VectorIndex!.Model)));

    private static KeyValuePair<string, object?> Store(StoreMetrics store) => new("mnemo.store", store.Location);
}
