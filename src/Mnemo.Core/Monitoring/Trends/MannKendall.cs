using System.Globalization;

namespace Mnemo.Core.Monitoring.Trends;

/// <summary>The Mann-Kendall test for a monotonic trend, with Sen's slope and its confidence interval.</summary>
/// <remarks>
/// <para>The test is rank-based: it compares every later sample with every earlier one and counts rises minus falls,
/// so it assumes no distribution of the values and is barely moved by outliers or a garbage collector's sawtooth.
/// It does assume the samples are independent; strongly autocorrelated series give too many significant results,
/// which is why <see cref="LeakDetector"/> also asks for a minimum rate.</para>
/// <para>Formulas (Mann 1945; Kendall 1975; Gilbert 1987, ch. 16):
/// S = Σ_{i&lt;j} sign(x_j − x_i);
/// Var(S) = [n(n−1)(2n+5) − Σ_p t_p(t_p−1)(2t_p+5)] / 18, t_p the size of the p-th group of tied values;
/// Z = (S − 1)/√Var(S) if S &gt; 0, 0 if S = 0, (S + 1)/√Var(S) if S &lt; 0;
/// p(rise) = 1 − Φ(Z), p(fall) = Φ(Z), p(two-sided) = 2(1 − Φ(|Z|)).
/// For n ≤ 10 without ties the p-values come from the exact distribution of S instead (the normal approximation is
/// rough there); with ties at small n they still come from the approximation, which is then only a guide.</para>
/// <para>Cost: O(n²) time and n(n−1)/2 doubles of pooled memory for the pairwise slopes; n is capped at
/// <see cref="MaxSamples"/>.</para>
/// </remarks>
public static class MannKendall
{
    /// <summary>The fewest samples the test accepts: 3 (with 2 there is a single pair and no interval).</summary>
    public const int MinSamples = 3;

    /// <summary>The most samples the test accepts: 500, which keeps the O(n²) pairwise slopes near 125,000 values
    /// (about 1 MB, a few milliseconds). Test the latest samples of a longer series.</summary>
    public const int MaxSamples = 500;

    /// <summary>Tests <paramref name="samples"/> for a monotonic trend and estimates its slope.</summary>
    /// <param name="samples">The series, in any order; values must be finite and times distinct.</param>
    /// <param name="confidenceLevel">The two-sided confidence level of the slope's interval, in (0, 1); 0.95 by
    /// default.</param>
    /// <returns>The statistic, its p-values and Sen's slope per second.</returns>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinSamples"/> or more than <see cref="MaxSamples"/>
    /// samples, a non-finite value, two samples at one time, or a confidence level outside (0, 1).</exception>
    public static MannKendallResult Test(IReadOnlyList<TrendSample> samples, double confidenceLevel = 0.95)
    {
        TrendSeries series = TrendSeries.From(samples, nameof(samples));
        return Test(series, 0, series.Count, confidenceLevel);
    }

    /// <summary>Tests samples [<paramref name="start"/>, start + count) of a validated series.</summary>
    internal static MannKendallResult Test(TrendSeries series, int start, int count, double confidenceLevel)
    {
        if (count is < MinSamples or > MaxSamples)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The Mann-Kendall test needs between {MinSamples} and {MaxSamples} samples; it was given {count}. Collect more samples, or pass only the latest {MaxSamples}."),
                "samples");
        }

        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The confidence level {confidenceLevel} is outside (0, 1); pass for example 0.95."),
                nameof(confidenceLevel));
        }

        ReadOnlySpan<double> times = series.Seconds.AsSpan(start, count);
        ReadOnlySpan<double> values = series.Values.AsSpan(start, count);

        long s = 0;
        for (int i = 0; i < count - 1; i++)
        {
            double xi = values[i];
            for (int j = i + 1; j < count; j++)
            {
                s += Math.Sign(values[j] - xi);
            }
        }

        double tieTerm = TieCorrection(values, out bool hasTies);
        double n = count;
        double variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;

        // All values tied: S = 0 and Var(S) = 0; there is no evidence of anything, so Z = 0 and p = 1.
        double z = s == 0 || variance <= 0 ? 0
            : s > 0 ? (s - 1) / Math.Sqrt(variance)
            : (s + 1) / Math.Sqrt(variance);

        bool exact = !hasTies && count <= KendallExactDistribution.MaxCount;
        double pRise;
        double pFall;
        if (exact)
        {
            pRise = KendallExactDistribution.UpperTail(count, s);
            pFall = KendallExactDistribution.UpperTail(count, -s); // S is symmetric about 0: P(S ≤ s) = P(S ≥ −s).
        }
        else if (z == 0)
        {
            // Exactly no evidence either way; spelt out because the erfc approximation is off by 3e-8 at 0.
            pRise = 0.5;
            pFall = 0.5;
        }
        else
        {
            pRise = NormalDistribution.UpperTail(z);
            pFall = NormalDistribution.UpperTail(-z);
        }

        double pTwoSided = exact || z == 0
            ? Math.Min(1, 2 * Math.Min(pRise, pFall))
            : Math.Min(1, 2 * NormalDistribution.UpperTail(Math.Abs(z)));

        (double slope, double lower, double upper) = SenSlope.Compute(times, values, Math.Max(variance, 0), confidenceLevel);
        return new MannKendallResult
        {
            Count = count,
            Start = series.TimeAt(start),
            End = series.TimeAt(start + count - 1),
            S = s,
            Variance = variance,
            Z = z,
            PValue = pTwoSided,
            PValueIncreasing = pRise,
            PValueDecreasing = pFall,
            IsExact = exact,
            SlopePerSecond = slope,
            SlopeLowerPerSecond = lower,
            SlopeUpperPerSecond = upper,
            ConfidenceLevel = confidenceLevel,
        };
    }

    // Σ t(t−1)(2t+5) over groups of equal values.
    private static double TieCorrection(ReadOnlySpan<double> values, out bool hasTies)
    {
        Span<double> sorted = values.Length <= 256 ? stackalloc double[values.Length] : new double[values.Length];
        values.CopyTo(sorted);
        sorted.Sort();
        double sum = 0;
        hasTies = false;
        int run = 1;
        for (int i = 1; i <= sorted.Length; i++)
        {
            if (i < sorted.Length && sorted[i] == sorted[i - 1])
            {
                run++;
                continue;
            }

            if (run > 1)
            {
                hasTies = true;
                sum += (double)run * (run - 1) * (2 * run + 5);
            }

            run = 1;
        }

        return sum;
    }
}
