namespace Mnemo.Cli.Tests.Learning;

/// <summary>
/// A Beta(α, β) distribution's mean and quantiles computed the slow, obvious way, to check the engine's figures against:
/// the density x^(α−1)(1−x)^(β−1) integrated by Simpson's rule on a fine grid (normalised by its own integral, so no
/// gamma function), and each quantile found by bisection on that integral. Shares no code with Core's BetaDistribution.
/// </summary>
/// <remarks>For α, β ≥ 1 (a prior of at least Beta(1, 1)), where the density is bounded; good to about 1e-5.</remarks>
internal static class BetaQuadrature
{
    private const int Cells = 20_000;

    public static double Mean(double alpha, double beta)
    {
        double weighted = 0, total = 0;
        for (var k = 0; k < Cells; k++)
        {
            var (from, to) = ((double)k / Cells, (double)(k + 1) / Cells);
            weighted += Simpson(x => x * Density(alpha, beta, x), from, to);
            total += Simpson(x => Density(alpha, beta, x), from, to);
        }

        return weighted / total;
    }

    /// <summary>The x below which <paramref name="p"/> of the probability lies.</summary>
    public static double Quantile(double alpha, double beta, double p)
    {
        // The integral of the density up to each grid point, then bisection inside the cell where it reaches p.
        var cumulative = new double[Cells + 1];
        for (var k = 0; k < Cells; k++)
        {
            cumulative[k + 1] = cumulative[k] + Simpson(x => Density(alpha, beta, x), (double)k / Cells, (double)(k + 1) / Cells);
        }

        var target = p * cumulative[Cells];
        var cell = Array.FindIndex(cumulative, value => value >= target) - 1;
        double low = (double)cell / Cells, high = (double)(cell + 1) / Cells;
        for (var i = 0; i < 40; i++)
        {
            var middle = (low + high) / 2;
            if (cumulative[cell] + Simpson(x => Density(alpha, beta, x), (double)cell / Cells, middle) < target)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }

    private static double Density(double alpha, double beta, double x) => Math.Pow(x, alpha - 1) * Math.Pow(1 - x, beta - 1);

    private static double Simpson(Func<double, double> f, double from, double to) =>
        (to - from) / 6 * (f(from) + 4 * f((from + to) / 2) + f(to));
}
