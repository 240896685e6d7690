namespace Mnemo.Benchmarks.Baselines;

/// <summary>Which way a figure gets better, read from its name; a change of a figure of unknown direction is reported, never called a regression.</summary>
internal enum MetricDirection
{
    Unknown,
    HigherIsBetter,
    LowerIsBetter,
}

internal static class MetricDirections
{
    // The last segment of the path names the figure: "latency.p50_ms" is a time, "assembled.recall_at_1000" a recall.
    private static readonly string[] s_higher = ["per_sec", "per_second", "recall", "accuracy", "precision", "hit", "throughput", "speedup", "qps", "ops"];
    private static readonly string[] s_lower = ["_ms", "_us", "_ns", "_s", "seconds", "latency", "bytes", "mib", "share", "overhead", "error", "regret", "cost"];

    public static MetricDirection Of(string path)
    {
        var name = path[(path.LastIndexOf('.') + 1)..].ToLowerInvariant();
        if (s_higher.Any(name.Contains))
        {
            return MetricDirection.HigherIsBetter;
        }

        return s_lower.Any(name.EndsWith) || s_lower.Any(word => word[0] != '_' && name.Contains(word, StringComparison.Ordinal))
            ? MetricDirection.LowerIsBetter
            : MetricDirection.Unknown;
    }
}
