using Mnemo.Core.Monitoring.Trends;

namespace Mnemo.Core.Learning;

/// <summary>
/// Probabilities that compare independent Beta posteriors, by numerical integration: P(X is the largest) =
/// ∫ f_X(x) Π F_Y(x) dx over the others Y, with Simpson's rule on the interval that holds all but 1e-12 of X's
/// probability. Deterministic (no sampling), so a learning cycle run twice on the same outcomes decides the same.
/// </summary>
internal static class BetaComparison
{
    // Simpson intervals across the candidate's support: the integrand is smooth there, and 2000 intervals put the error
    // far below the third decimal the insights are reported to, even for posteriors of thousands of outcomes.
    private const int Intervals = 2000;

    // The mass left out at each end of the candidate's support; what it could add is below this.
    private const double TailMass = 1e-12;

    /// <summary>P(<paramref name="candidate"/> exceeds every one of <paramref name="others"/>); 1 when there are none.</summary>
    public static double ProbabilityGreatest(BetaDistribution candidate, IReadOnlyList<BetaDistribution> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        if (others.Count == 0)
        {
            return 1;
        }

        var low = candidate.Quantile(TailMass);
        var high = candidate.Quantile(1 - TailMass);
        if (!(high > low))
        {
            // The posterior is all but a point mass: the others' CDFs there are the answer.
            return others.Aggregate(1.0, (product, other) => product * other.Cdf(candidate.Mean));
        }

        var logNorm = SpecialFunctions.LogGamma(candidate.Alpha + candidate.Beta) - SpecialFunctions.LogGamma(candidate.Alpha)
            - SpecialFunctions.LogGamma(candidate.Beta);
        var step = (high - low) / Intervals;
        var sum = 0.0;
        for (var i = 0; i <= Intervals; i++)
        {
            var x = low + i * step;
            var weight = i == 0 || i == Intervals ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * Integrand(candidate, logNorm, others, x);
        }

        return Math.Clamp(sum * step / 3, 0, 1);
    }

    /// <summary>P(<paramref name="x"/> &gt; <paramref name="y"/>) for independent posteriors.</summary>
    public static double ProbabilityGreater(BetaDistribution x, BetaDistribution y) => ProbabilityGreatest(x, [y]);

    private static double Integrand(BetaDistribution candidate, double logNorm, IReadOnlyList<BetaDistribution> others, double x)
    {
        if (x <= 0 || x >= 1)
        {
            return 0;
        }

        var density = Math.Exp(logNorm + (candidate.Alpha - 1) * Math.Log(x) + (candidate.Beta - 1) * Math.Log(1 - x));
        foreach (var other in others)
        {
            density *= other.Cdf(x);
        }

        return density;
    }
}
