using Mnemo.Core.Monitoring;
using Mnemo.Core.Storage;

namespace Mnemo.Core.Tests.Monitoring.Health;

/// <summary>Snapshots and history samples built with chosen figures, for the health evaluator.</summary>
internal static class HealthSamples
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public const string Host = "test-host";

    public static MetricsSnapshot Snapshot(
        DateTimeOffset at, int pid = 100, long heap = 10 << 20, long resident = 50 << 20, long contentBytes = 1000,
        long machineTotal = 16L << 30, long machineAvailable = 12L << 30, long vectorFileBytes = 0) =>
        new(Host, null,
            new ProcessMemorySnapshot
            {
                At = at,
                ProcessId = pid,
                HeapSizeBytes = heap,
                ResidentBytes = resident,
                WorkingSetBytes = resident,
                MachineTotalBytes = machineTotal,
                MachineAvailableBytes = machineAvailable,
            },
            new StoreMetrics
            {
                Location = "/tmp/memory.db",
                Files = vectorFileBytes > 0 ? [new StoreFile("/tmp/memory.db.hnsw", StoreFileKind.VectorIndex, vectorFileBytes)] : [],
                Namespaces = [new NamespaceUsage("n", 1, contentBytes, 0)],
            });

    public static MetricSample Sample(long id, MetricsSnapshot snapshot) =>
        new(id, snapshot.Process.ProcessId, snapshot.Host, snapshot.Agent, snapshot.Process.At, MetricsSnapshotJson.Write(snapshot));

    /// <summary><paramref name="count"/> samples of one process, <paramref name="step"/> apart, figures from <paramref name="make"/>(i).</summary>
    public static List<MetricSample> Series(int count, TimeSpan step, Func<int, DateTimeOffset, MetricsSnapshot> make) =>
        [.. Enumerable.Range(0, count).Select(i => Sample(i + 1, make(i, Start + (step * i))))];
}
