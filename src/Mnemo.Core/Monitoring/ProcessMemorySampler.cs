using System.Diagnostics;

namespace Mnemo.Core.Monitoring;

/// <summary>Measures this process's memory (<see cref="ProcessMemorySnapshot"/>), and its allocation rate between two snapshots.</summary>
/// <remarks>
/// Thread-safe. Each snapshot costs a few system calls and reads of two small <c>/proc</c> files (microseconds), and
/// allocates little, so that sampling does not disturb the figures it samples.
/// </remarks>
public sealed class ProcessMemorySampler : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Lock _lock = new();
    private (DateTimeOffset At, long Allocated)? _previous;

    /// <summary>A sampler that stamps snapshots with <paramref name="clock"/> (the system clock when null).</summary>
    public ProcessMemorySampler(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    /// <summary>Measures the process now.</summary>
    public ProcessMemorySnapshot Capture()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var generations = new GcGenerationSize[GcGenerationSize.Names.Count];
        var generationInfo = info.GenerationInfo;
        for (var i = 0; i < generations.Length; i++)
        {
            var g = i < generationInfo.Length ? generationInfo[i] : default;
            generations[i] = new GcGenerationSize(
                GcGenerationSize.Names[i], g.SizeBeforeBytes, g.SizeAfterBytes, g.FragmentationBeforeBytes, g.FragmentationAfterBytes);
        }

        var full = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (total, available, resident, reason) = ProcFiles.Read();
        long privateBytes;
        lock (_lock)
        {
            _process.Refresh();
            privateBytes = _process.PrivateMemorySize64;
        }

        var at = Time.Timestamps.Truncate(_clock.GetUtcNow()); // milliseconds, as every time the store keeps
        double? rate = null;
        lock (_lock)
        {
            if (_previous is { } previous && at > previous.At)
            {
                rate = (allocated - previous.Allocated) / (at - previous.At).TotalSeconds;
            }

            _previous = (at, allocated);
        }

        return new ProcessMemorySnapshot
        {
            At = at,
            ProcessId = Environment.ProcessId,
            GcIndex = info.Index,
            Generations = generations,
            HeapSizeBytes = info.HeapSizeBytes,
            FragmentedBytes = info.FragmentedBytes,
            CommittedBytes = info.TotalCommittedBytes,
            GcAvailableMemoryBytes = info.TotalAvailableMemoryBytes,
            MemoryLoadBytes = info.MemoryLoadBytes,
            LastFullCollectionHeapBytes = full.Index == 0 ? null : full.HeapSizeBytes,
            LastBackgroundCollectionHeapBytes = background.Index == 0 ? null : background.HeapSizeBytes,
            TotalAllocatedBytes = allocated,
            AllocationRateBytesPerSecond = rate,
            CollectionCounts = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)],
            WorkingSetBytes = Environment.WorkingSet,
            PrivateBytes = privateBytes,
            ResidentBytes = resident,
            MachineTotalBytes = total,
            MachineAvailableBytes = available,
            ProcUnavailableReason = reason,
        };
    }

    /// <summary>Releases the process handle.</summary>
    public void Dispose() => _process.Dispose();
}
