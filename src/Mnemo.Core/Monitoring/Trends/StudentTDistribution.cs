namespace Mnemo.Core.Monitoring.Trends;

/// <summary>Student's t distribution with ν degrees of freedom: its cumulative distribution and its quantile.</summary>
/// <remarks>The CDF comes from the regularized incomplete beta, P(T ≤ t) = 1 - ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0
/// (Abramowitz and Stegun 26.7.1); the quantile inverts it with Newton steps kept inside a bisection bracket, to a
/// relative precision of 1e-12, far below the 1e-4 of printed tables.</remarks>
internal static class StudentTDistribution
{
    private const int MaxIterations = 200;
    private const double Tolerance = 1e-12;

    /// <summary>P(T ≤ t).</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        double nu = degreesOfFreedom;
        double tail = 0.5 * SpecialFunctions.RegularizedIncompleteBeta(nu / (nu + t * t), nu / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>The t such that P(T ≤ t) = <paramref name="p"/>, for p in (0, 1) and ν &gt; 0.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must lie strictly between 0 and 1.");
        }

        if (!(degreesOfFreedom > 0) || double.IsInfinity(degreesOfFreedom))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "The degrees of freedom must be a positive finite number.");
        }

        if (p == 0.5)
        {
            return 0;
        }

        if (p < 0.5)
        {
            return -Quantile(1 - p, degreesOfFreedom);
        }

        double nu = degreesOfFreedom;

        // ln of the density's constant Γ((ν+1)/2) / (√(νπ) Γ(ν/2)), for the Newton steps.
        double logNormaliser = SpecialFunctions.LogGamma((nu + 1) / 2) - SpecialFunctions.LogGamma(nu / 2) - 0.5 * Math.Log(nu * Math.PI);
        double lo = 0;
        double hi = Math.Max(1, 2 * NormalDistribution.Quantile(p));
        while (Cdf(hi, nu) < p)
        {
            lo = hi;
            hi *= 2;
        }

        double t = Math.Clamp(NormalDistribution.Quantile(p), lo, hi);
        for (int i = 0; i < MaxIterations; i++)
        {
            double f = Cdf(t, nu) - p;
            if (f < 0)
            {
                lo = t;
            }
            else
            {
                hi = t;
            }

            double density = Math.Exp(logNormaliser - (nu + 1) / 2 * Math.Log(1 + t * t / nu));
            double next = t - f / density;
            if (!(next > lo && next < hi))
            {
                next = (lo + hi) / 2;
            }

            if (Math.Abs(next - t) <= Tolerance * Math.Max(1, Math.Abs(t)))
            {
                return next;
            }

            t = next;
        }

        return t;
    }
}
