namespace Mnemo.Core.Monitoring;

/// <summary>One refresh of <c>mnemo monitor</c> (<see cref="MnemoEngine.GetMonitorReportAsync"/>): the store as this process measured it now, and every process that sampled it recently.</summary>
/// <param name="At">When it was made, by the engine's clock.</param>
/// <param name="Window">How far back the processes' samples were read.</param>
/// <param name="Measured">This process's measurement of itself and the store, taken now.</param>
/// <param name="Processes">The processes with a sample within <paramref name="Window"/>, the most recently seen first.</param>
public sealed record MonitorReport(DateTimeOffset At, TimeSpan Window, MetricsSnapshot Measured, IReadOnlyList<MonitoredProcess> Processes)
{
    /// <summary>
    /// The reports other processes posted for swarm optimisation requests within the window (<c>mnemo optimize --swarm</c>),
    /// the newest first: what each freed in its own process.
    /// </summary>
    public IReadOnlyList<Optimization.OptimizationReport> Optimizations { get; init; } = [];
}
