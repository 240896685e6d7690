namespace Mnemo.Core.Monitoring.Trends;

/// <summary>The standard normal distribution: its cumulative distribution and its quantile.</summary>
internal static class NormalDistribution
{
    // Acklam's rational approximation of the normal quantile (relative error below 1.15e-9).
    private static readonly double[] s_a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] s_b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] s_c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] s_d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    private const double LowTail = 0.02425;

    /// <summary>Φ(z), the probability that a standard normal variable is at most <paramref name="z"/>.</summary>
    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    /// <summary>1 − Φ(z), computed directly so that tiny tail probabilities keep their digits instead of
    /// cancelling to 0.</summary>
    public static double UpperTail(double z) => 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));

    /// <summary>Φ⁻¹(p) for p in (0, 1).</summary>
    public static double Quantile(double p)
    {
        if (p < LowTail)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            return (((((s_c[0] * q + s_c[1]) * q + s_c[2]) * q + s_c[3]) * q + s_c[4]) * q + s_c[5])
                / ((((s_d[0] * q + s_d[1]) * q + s_d[2]) * q + s_d[3]) * q + 1);
        }

        if (p > 1 - LowTail)
        {
            return -Quantile(1 - p);
        }

        double r = p - 0.5;
        double s = r * r;
        return (((((s_a[0] * s + s_a[1]) * s + s_a[2]) * s + s_a[3]) * s + s_a[4]) * s + s_a[5]) * r
            / (((((s_b[0] * s + s_b[1]) * s + s_b[2]) * s + s_b[3]) * s + s_b[4]) * s + 1);
    }
}
