using Mnemo.Core.Monitoring.Trends;

namespace Mnemo.Core.Monitoring.Health;

/// <summary>A leak verdict about one series of the metrics history.</summary>
/// <param name="Subject">What was judged: <c>heap</c> (a process's GC heap after its last collection) or <c>content</c>
/// (the bytes of the store's current entries, from every process's samples).</param>
/// <param name="ProcessId">The process whose heap was judged; null for the store's content.</param>
/// <param name="Host">The machine of that process; null for the store's content.</param>
/// <param name="NeededSamples">The fewest samples the detector judges (<see cref="LeakDetectorOptions.MinimumSamples"/>).</param>
/// <param name="Verdict">The detector's verdict with its evidence (rates per hour).</param>
public sealed record HealthLeak(string Subject, int? ProcessId, string? Host, int NeededSamples, LeakVerdict Verdict);
