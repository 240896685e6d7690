using Mnemo.Core.Monitoring.Trends;

namespace Mnemo.Core.Monitoring;

/// <summary>
/// A process that sampled the store's metrics history within a window (<see cref="MnemoEngine.GetProcessesAsync"/>):
/// its latest figures and the trend of its post-GC heap over the window.
/// </summary>
public sealed record MonitoredProcess
{
    /// <summary>The machine it runs on.</summary>
    public required string Host { get; init; }

    /// <summary>Its operating system id on <see cref="Host"/>.</summary>
    public required int ProcessId { get; init; }

    /// <summary>The agent of its latest sample, or null.</summary>
    public string? Agent { get; init; }

    /// <summary>True when it is the process that asked (same host and id).</summary>
    public bool IsCurrentProcess { get; init; }

    /// <summary>
    /// Whether it still runs, for a process on this machine (its id names a running process; an id reused by another
    /// process after it ended reads as running); null for a process on another machine, which cannot be asked.
    /// </summary>
    public bool? IsRunning { get; init; }

    /// <summary>Its first sample within the window.</summary>
    public required DateTimeOffset FirstSeen { get; init; }

    /// <summary>Its latest sample.</summary>
    public required DateTimeOffset LastSeen { get; init; }

    /// <summary>How many of its samples the window holds.</summary>
    public required int Samples { get; init; }

    /// <summary>Its memory as its latest sample measured it.</summary>
    public required ProcessMemorySnapshot Latest { get; init; }

    /// <summary>Its GC heap after each collection (<see cref="ProcessMemorySnapshot.HeapSizeBytes"/>) over the window, oldest first, one value per instant.</summary>
    public IReadOnlyList<TrendSample> Heap { get; init; } = [];

    /// <summary>The leak detector's verdict on <see cref="Heap"/>: <see cref="LeakStatus.InsufficientData"/> until enough samples.</summary>
    public required LeakVerdict HeapTrend { get; init; }

    /// <summary>The samples the leak detector needs before it judges (<see cref="LeakDetectorOptions.MinimumSamples"/>).</summary>
    public int SamplesNeeded { get; init; }
}
