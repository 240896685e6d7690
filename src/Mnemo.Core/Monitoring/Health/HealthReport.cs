namespace Mnemo.Core.Monitoring.Health;

/// <summary>What <see cref="MnemoEngine.GetHealthAsync"/> found: the pressure score, each input, leaks and forecasts.</summary>
public sealed record HealthReport
{
    /// <summary>When the inputs were measured.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The process that measured.</summary>
    public required int ProcessId { get; init; }

    /// <summary>The pressure score, 0 to 100 (<see cref="PressureScore"/>).</summary>
    public required double Score { get; init; }

    /// <summary>The status: from the score, raised to at least <see cref="HealthStatus.Warning"/> by a leak.</summary>
    public required HealthStatus Status { get; init; }

    /// <summary>The input that gave the score, or null when every part is 0.</summary>
    public required string? Driver { get; init; }

    /// <summary>The thresholds used.</summary>
    public required HealthThresholds Thresholds { get; init; }

    /// <summary>Every input, in a fixed order.</summary>
    public required IReadOnlyList<HealthInput> Inputs { get; init; }

    /// <summary>Leak verdicts: the store's content, then the heap of the processes with the most samples.</summary>
    public required IReadOnlyList<HealthLeak> Leaks { get; init; }

    /// <summary>Forecasts of the next hour: the store's content, then the heap of the process with the most samples.</summary>
    public required IReadOnlyList<HealthForecast> Forecasts { get; init; }

    /// <summary>Samples in the metrics history that were read.</summary>
    public required int HistorySamples { get; init; }
}
