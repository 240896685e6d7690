using System.Globalization;

namespace Mnemo.Core.Monitoring.Health;

/// <summary>
/// Where each input of the pressure score starts to warn, and the scores that make a report a warning or critical
/// (<see cref="PressureScore"/>). Read from the environment by <see cref="MnemoOptions.FromEnvironment"/>
/// (docs/configuration.md); <see cref="Validate"/> checks the ranges.
/// </summary>
public sealed record HealthThresholds
{
    /// <summary>The default <see cref="ProcessMemory"/>: 512 MiB, several times what a CLI command or an MCP server with a
    /// loaded local model uses, so that reaching it means something grew.</summary>
    public const long DefaultProcessMemory = 512L << 20;

    /// <summary>The share of the machine's memory in use (0 to 1) at which the machine input warns. Default 0.9.</summary>
    public double MemoryUsage { get; init; } = 0.9;

    /// <summary>Bytes of one process's resident memory at which the process input warns. Default 512 MiB.</summary>
    public long ProcessMemory { get; init; } = DefaultProcessMemory;

    /// <summary>Bytes of the vector index (its files, or its memory in this process when larger) at which the vector input
    /// warns. Default 512 MiB, about 300,000 vectors of 384 floats with their graph.</summary>
    public long VectorStoreSize { get; init; } = 512L << 20;

    /// <summary>Bytes per hour of growth of the store's content at which the growth input warns. Default 64 MiB per hour.</summary>
    public long GrowthRate { get; init; } = 64L << 20;

    /// <summary>The score (1 to 100) from which a report is a warning; an input exactly at its threshold scores this much.
    /// Default 70.</summary>
    public double MemoryPressure { get; init; } = 70;

    /// <summary>The score (from <see cref="MemoryPressure"/> to 100) from which a report is critical. Default 90: an input
    /// 29% over its threshold at the default warning score.</summary>
    public double CriticalPressure { get; init; } = 90;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first threshold out of its range.</summary>
    public void Validate()
    {
        if (!double.IsFinite(MemoryUsage) || MemoryUsage is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MemoryUsage), MemoryUsage, "the memory usage threshold is a share of the machine's memory in (0, 1]: e.g. 0.9");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ProcessMemory, 1, nameof(ProcessMemory));
        ArgumentOutOfRangeException.ThrowIfLessThan(VectorStoreSize, 1, nameof(VectorStoreSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(GrowthRate, 1, nameof(GrowthRate));
        if (!double.IsFinite(MemoryPressure) || MemoryPressure is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(MemoryPressure), MemoryPressure, "the warning score is from 1 to 100: e.g. 70");
        }

        if (!double.IsFinite(CriticalPressure) || CriticalPressure < MemoryPressure || CriticalPressure > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(CriticalPressure), CriticalPressure,
                string.Create(CultureInfo.InvariantCulture, $"the critical score is from the warning score ({MemoryPressure}) to 100: e.g. 90"));
        }
    }
}
