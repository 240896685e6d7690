namespace Mnemo.Core.Monitoring.Trends;

/// <summary>The special functions the trend statistics need: log-gamma, the complementary error function and the
/// regularized incomplete beta function.</summary>
/// <remarks>Written here rather than taken from a package so that Core stays dependency-free and AOT-safe. The
/// algorithms are the textbook ones (Lanczos; Numerical Recipes' Chebyshev erfc; Lentz's continued fraction for the
/// incomplete beta), each accurate well beyond the 1e-4 the tests ask of the quantiles built on them.</remarks>
internal static class SpecialFunctions
{
    private const int MaxFractionTerms = 300;
    private const double FractionEpsilon = 1e-15;
    private const double TinyDenominator = 1e-300;

    // Lanczos coefficients for g = 7, n = 9 (the widely published set; relative error below 1e-15 for x > 0).
    private static readonly double[] s_lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection keeps the Lanczos sum in its accurate range: Γ(x)Γ(1-x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        double sum = s_lanczos[0];
        for (int i = 1; i < s_lanczos.Length; i++)
        {
            sum += s_lanczos[i] / (x + i);
        }

        double t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>erfc(x), with fractional error below 1.2e-7 everywhere (Numerical Recipes, 2nd ed., §6.2).</summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /// <summary>The regularized incomplete beta function I_x(a, b) for a, b &gt; 0 and x in [0, 1].</summary>
    public static double RegularizedIncompleteBeta(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        double front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));

        // The continued fraction converges fast only for x < (a + 1) / (a + b + 2); use the symmetry
        // I_x(a, b) = 1 - I_{1-x}(b, a) on the other side.
        return x < (a + 1) / (a + b + 2)
            ? front * BetaContinuedFraction(x, a, b) / a
            : 1 - front * BetaContinuedFraction(1 - x, b, a) / b;
    }

    // Lentz's method for the continued fraction of the incomplete beta (Numerical Recipes, 2nd ed., §6.4).
    private static double BetaContinuedFraction(double x, double a, double b)
    {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        d = Math.Abs(d) < TinyDenominator ? TinyDenominator : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MaxFractionTerms; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.Abs(d) < TinyDenominator ? TinyDenominator : d;
            c = 1 + aa / c;
            c = Math.Abs(c) < TinyDenominator ? TinyDenominator : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.Abs(d) < TinyDenominator ? TinyDenominator : d;
            c = 1 + aa / c;
            c = Math.Abs(c) < TinyDenominator ? TinyDenominator : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < FractionEpsilon)
            {
                break;
            }
        }

        return h;
    }
}
