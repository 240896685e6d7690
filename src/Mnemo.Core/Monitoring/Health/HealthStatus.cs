namespace Mnemo.Core.Monitoring.Health;

/// <summary>What a health report concludes; the values are the exit codes of <c>mnemo health</c>.</summary>
public enum HealthStatus
{
    /// <summary>The score is below <see cref="HealthThresholds.MemoryPressure"/> and no leak was found.</summary>
    Healthy = 0,

    /// <summary>The score reached <see cref="HealthThresholds.MemoryPressure"/>, or a leak was found.</summary>
    Warning = 1,

    /// <summary>The score reached <see cref="HealthThresholds.CriticalPressure"/>.</summary>
    Critical = 2,
}
