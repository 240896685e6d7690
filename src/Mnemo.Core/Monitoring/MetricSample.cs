namespace Mnemo.Core.Monitoring;

/// <summary>One sample of a process's metrics, kept in the store's bounded metrics history.</summary>
/// <param name="Id">The store's number for it, increasing in the order samples were written (0 before it is written).</param>
/// <param name="ProcessId">The process that took it.</param>
/// <param name="Host">The machine that process runs on.</param>
/// <param name="Agent">The agent the process acted as, or null.</param>
/// <param name="At">When it was taken.</param>
/// <param name="Json">The snapshot as compact JSON (<see cref="MetricsSnapshotJson"/>); <see cref="ReadSnapshot"/> reads it.</param>
public sealed record MetricSample(long Id, int ProcessId, string Host, string? Agent, DateTimeOffset At, string Json)
{
    /// <summary>The snapshot the sample holds.</summary>
    /// <exception cref="System.Text.Json.JsonException">The JSON is not a snapshot (written by another program).</exception>
    public MetricsSnapshot ReadSnapshot() => MetricsSnapshotJson.Read(Json);
}
