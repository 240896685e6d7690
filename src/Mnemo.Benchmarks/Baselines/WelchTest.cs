using Mnemo.Core.Monitoring.Trends;

namespace Mnemo.Benchmarks.Baselines;

/// <summary>The two-sided p-value that two sets of runs have the same mean.</summary>
internal static class WelchTest
{
    /// <summary>
    /// Welch's t-test (unequal variances, Welch-Satterthwaite degrees of freedom) for two sets of at least two runs; a
    /// one-sample t-test of <paramref name="current"/> against the single value when <paramref name="baseline"/> has one run.
    /// Null when the data cannot tell: fewer than two runs of the current side, or no spread on either side and the same
    /// mean. No spread and different means is a certain change: p = 0 (deterministic figures, e.g. a recall).
    /// </summary>
    public static double? PValue(IReadOnlyList<double> baseline, IReadOnlyList<double> current)
    {
        if (baseline.Count == 0 || current.Count < 2 && baseline.Count < 2)
        {
            return null;
        }

        var (meanA, varA) = MeanAndVariance(baseline);
        var (meanB, varB) = MeanAndVariance(current);
        var seA = baseline.Count > 1 ? varA / baseline.Count : 0;
        var seB = current.Count > 1 ? varB / current.Count : 0;
        var se = seA + seB;
        if (se == 0)
        {
            return meanA == meanB ? 1 : 0;
        }

        var t = (meanB - meanA) / Math.Sqrt(se);
        var df = seA == 0 ? current.Count - 1
            : seB == 0 ? baseline.Count - 1
            : se * se / (seA * seA / (baseline.Count - 1) + seB * seB / (current.Count - 1));
        return 2 * StudentTDistribution.Cdf(-Math.Abs(t), df);
    }

    /// <summary>The mean and the unbiased sample variance (0 for one value).</summary>
    public static (double Mean, double Variance) MeanAndVariance(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return (mean, values.Count > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) : 0);
    }
}
