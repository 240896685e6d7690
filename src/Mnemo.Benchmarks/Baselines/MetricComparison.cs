namespace Mnemo.Benchmarks.Baselines;

/// <summary>What the comparison concluded about one figure.</summary>
internal enum MetricVerdict
{
    /// <summary>No significant difference.</summary>
    Same,

    /// <summary>Significantly better.</summary>
    Better,

    /// <summary>Significantly worse: a regression.</summary>
    Worse,

    /// <summary>Significantly different, in a direction the figure's name does not tell.</summary>
    Changed,

    /// <summary>Too few runs to test (one on each side).</summary>
    NotTestable,
}

/// <summary>One figure in a baseline and in the current runs, and whether it changed.</summary>
/// <param name="Metric">The figure's path in the benchmark's JSON result.</param>
/// <param name="Direction">Which way the figure gets better.</param>
/// <param name="BaselineRuns">Runs of the baseline that have the figure.</param>
/// <param name="BaselineMean">The figure's mean over them.</param>
/// <param name="BaselineDeviation">Its sample standard deviation (0 for one run).</param>
/// <param name="CurrentRuns">Current runs that have the figure.</param>
/// <param name="CurrentMean">The figure's mean over them.</param>
/// <param name="CurrentDeviation">Its sample standard deviation (0 for one run).</param>
/// <param name="PValue">Two-sided p-value of the t-test; null when not testable.</param>
/// <param name="Significant">Below the significance level after the Holm correction over every figure tested.</param>
/// <param name="Verdict">What the comparison concluded.</param>
internal sealed record MetricComparison(
    string Metric,
    MetricDirection Direction,
    int BaselineRuns,
    double BaselineMean,
    double BaselineDeviation,
    int CurrentRuns,
    double CurrentMean,
    double CurrentDeviation,
    double? PValue,
    bool Significant,
    MetricVerdict Verdict)
{
    /// <summary>The relative change of the mean, or null when the baseline's mean is 0.</summary>
    public double? Change => BaselineMean == 0 ? null : (CurrentMean - BaselineMean) / Math.Abs(BaselineMean);
}
