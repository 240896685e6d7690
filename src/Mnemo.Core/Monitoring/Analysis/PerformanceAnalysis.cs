using Mnemo.Core.Monitoring.Doctor;
using Mnemo.Core.Monitoring.Health;
using Mnemo.Core.Monitoring.Optimization;

namespace Mnemo.Core.Monitoring.Analysis;

/// <summary>
/// Health (pressure from measured inputs, leaks, forecasts) and the doctor's findings read together, with what to do
/// about each (<see cref="MnemoEngine.AnalyzeAsync"/>).
/// </summary>
/// <param name="Health">The health report.</param>
/// <param name="Doctor">The doctor's report.</param>
/// <param name="Recommendations">What to do, the urgent first.</param>
public sealed record PerformanceAnalysis(HealthReport Health, DoctorReport Doctor, IReadOnlyList<Recommendation> Recommendations)
{
    // What relieves each health input; the doctor's findings carry their own advice.
    private static readonly Dictionary<string, (string Action, string[] Strategies)> s_inputActions = new(StringComparer.Ordinal)
    {
        [HealthInput.MachineMemory] = ("the machine is short of memory: optimize with evict-caches and compact-heap across the swarm, or run fewer processes", [OptimizationStrategy.EvictCaches, OptimizationStrategy.CompactHeap]),
        [HealthInput.ProcessMemory] = ("free the processes' caches and heap: optimize with evict-caches and compact-heap across the swarm", [OptimizationStrategy.EvictCaches, OptimizationStrategy.CompactHeap]),
        [HealthInput.VectorStore] = ("drop deleted vectors and store the rest as int8: optimize with compact-index and quantize-index", [OptimizationStrategy.CompactIndex, OptimizationStrategy.QuantizeIndex]),
        [HealthInput.StoreGrowth] = ("find the prefix that grows (the doctor's fast-growth rule), give its entries a time to live, and optimize with purge-expired and vacuum", [OptimizationStrategy.PurgeExpired, OptimizationStrategy.Vacuum]),
        [HealthInput.Quota] = ("forget what is no longer needed, optimize with purge-expired, or raise the quota", [OptimizationStrategy.PurgeExpired]),
    };

    private static readonly Dictionary<string, string[]> s_ruleStrategies = new(StringComparer.Ordinal)
    {
        ["expired"] = [OptimizationStrategy.PurgeExpired, OptimizationStrategy.Vacuum],
        ["wal"] = [OptimizationStrategy.CheckpointWal],
        ["vector-index"] = [OptimizationStrategy.CompactIndex],
    };

    /// <summary>Health and the doctor's report with the recommendations they lead to.</summary>
    internal static PerformanceAnalysis Of(HealthReport health, DoctorReport doctor)
    {
        var recommendations = new List<Recommendation>();
        foreach (var input in health.Inputs.Where(i => i.Part >= health.Thresholds.MemoryPressure).OrderByDescending(i => i.Part))
        {
            var (action, strategies) = s_inputActions.GetValueOrDefault(input.Name, ("see the health report", []));
            recommendations.Add(new Recommendation($"health:{input.Name}", true,
                $"{input.Name} scores {input.Part:0.#} of 100 ({input.Source})", action, strategies));
        }

        foreach (var leak in health.Leaks.Where(l => l.Verdict.IsLeak))
        {
            var what = leak.ProcessId is { } pid ? $"the heap of process {pid} on {leak.Host}" : "the store's content";
            recommendations.Add(new Recommendation($"leak:{leak.Subject}", true, $"{what} rises steadily: {leak.Verdict.Summary}",
                leak.ProcessId is null
                    ? "find the prefix that grows: the doctor's fast-growth rule"
                    : "optimize with compact-heap across the swarm to see whether the rise is garbage; if it stays, restart that process and report the trend",
                leak.ProcessId is null ? [] : [OptimizationStrategy.CompactHeap]));
        }

        foreach (var finding in doctor.Findings)
        {
            recommendations.Add(new Recommendation($"doctor:{finding.Rule}", finding.Severity >= DoctorSeverity.Warning, finding.Summary, finding.Advice,
                s_ruleStrategies.GetValueOrDefault(finding.Rule, [])));
        }

        return new PerformanceAnalysis(health, doctor, [.. recommendations.OrderByDescending(r => r.Urgent)]);
    }
}
