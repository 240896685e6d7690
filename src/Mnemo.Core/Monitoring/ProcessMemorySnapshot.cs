namespace Mnemo.Core.Monitoring;

/// <summary>A process's memory, measured at one moment by <see cref="ProcessMemorySampler"/>.</summary>
/// <remarks>
/// GC figures come from <see cref="GC.GetGCMemoryInfo(GCKind)"/> and describe the last collection (<see cref="GcIndex"/>);
/// the working set and private bytes from the operating system through <see cref="System.Diagnostics.Process"/>; the
/// machine's memory and the resident set from <c>/proc</c> on Linux. A figure the platform does not give is null and
/// <see cref="ProcUnavailableReason"/> says why. All sizes are bytes.
/// </remarks>
public sealed record ProcessMemorySnapshot
{
    /// <summary>When it was measured, by the engine's clock.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The operating system's id of the process.</summary>
    public required int ProcessId { get; init; }

    /// <summary>The index of the garbage collection the GC figures describe (0 before the first one).</summary>
    public long GcIndex { get; init; }

    /// <summary>The GC heap by generation (gen0, gen1, gen2, loh, poh), as the last collection left it.</summary>
    public IReadOnlyList<GcGenerationSize> Generations { get; init; } = [];

    /// <summary>The GC heap's total size after the last collection, fragmentation included.</summary>
    public long HeapSizeBytes { get; init; }

    /// <summary>Free space inside the GC heap after the last collection.</summary>
    public long FragmentedBytes { get; init; }

    /// <summary>Memory the GC has committed from the operating system.</summary>
    public long CommittedBytes { get; init; }

    /// <summary>Memory the GC may use (the machine's or the container's limit).</summary>
    public long GcAvailableMemoryBytes { get; init; }

    /// <summary>The machine's memory in use as the GC saw it at the last collection.</summary>
    public long MemoryLoadBytes { get; init; }

    /// <summary>The heap size after the last full blocking collection, or null when there was none yet: the post-GC figure a leak shows in.</summary>
    public long? LastFullCollectionHeapBytes { get; init; }

    /// <summary>The heap size after the last background collection, or null when there was none yet.</summary>
    public long? LastBackgroundCollectionHeapBytes { get; init; }

    /// <summary>Bytes allocated by the process since it started (<see cref="GC.GetTotalAllocatedBytes(bool)"/>, precise).</summary>
    public long TotalAllocatedBytes { get; init; }

    /// <summary>
    /// Bytes allocated per second since the sampler's previous snapshot, or null for its first one (or when the clock did
    /// not move).
    /// </summary>
    public double? AllocationRateBytesPerSecond { get; init; }

    /// <summary>Collections of generation 0, 1 and 2 since the process started (index = generation).</summary>
    public IReadOnlyList<int> CollectionCounts { get; init; } = [];

    /// <summary>The physical memory the process uses (<see cref="Environment.WorkingSet"/>).</summary>
    public long WorkingSetBytes { get; init; }

    /// <summary>Memory the process has allocated that no other process can share (<see cref="System.Diagnostics.Process.PrivateMemorySize64"/>).</summary>
    public long PrivateBytes { get; init; }

    /// <summary>The resident set (<c>VmRSS</c> of <c>/proc/self/status</c>), or null off Linux.</summary>
    public long? ResidentBytes { get; init; }

    /// <summary>The machine's memory (<c>MemTotal</c> of <c>/proc/meminfo</c>), or null off Linux.</summary>
    public long? MachineTotalBytes { get; init; }

    /// <summary>Memory available for new work without swapping (<c>MemAvailable</c> of <c>/proc/meminfo</c>), or null off Linux.</summary>
    public long? MachineAvailableBytes { get; init; }

    /// <summary>Why a <c>/proc</c> figure is null (not Linux, a file missing or unreadable), or null when all were read.</summary>
    public string? ProcUnavailableReason { get; init; }
}
