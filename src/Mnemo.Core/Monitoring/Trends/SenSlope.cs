using System.Buffers;

namespace Mnemo.Core.Monitoring.Trends;

/// <summary>Sen's slope estimator and its rank-based confidence interval.</summary>
/// <remarks>
/// Sen (1968): the slope is the median of the N' = n(n−1)/2 pairwise slopes (x_j − x_i)/(t_j − t_i), i &lt; j.
/// Gilbert (1987, ch. 16): with C = z_{1−α/2} √Var(S), M1 = (N' − C)/2 and M2 = (N' + C)/2, the lower limit is the
/// M1-th and the upper limit the (M2 + 1)-th of the ordered slopes; non-integer ranks are interpolated between their
/// neighbours and ranks are clamped to [1, N'].
/// The pairwise slopes take n(n−1)/2 doubles from the shared array pool (about 1 MB at n = 500).
/// </remarks>
internal static class SenSlope
{
    /// <summary>Computes the median slope and its interval for sorted, distinct times.</summary>
    public static (double Slope, double Lower, double Upper) Compute(
        ReadOnlySpan<double> times, ReadOnlySpan<double> values, double varianceOfS, double confidenceLevel)
    {
        int n = values.Length;
        int pairs = n * (n - 1) / 2;
        double[] rented = ArrayPool<double>.Shared.Rent(pairs);
        try
        {
            Span<double> slopes = rented.AsSpan(0, pairs);
            int p = 0;
            for (int i = 0; i < n - 1; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    slopes[p++] = (values[j] - values[i]) / (times[j] - times[i]);
                }
            }

            slopes.Sort();
            double median = pairs % 2 == 1
                ? slopes[pairs / 2]
                : (slopes[pairs / 2 - 1] + slopes[pairs / 2]) / 2;

            double c = NormalDistribution.Quantile(1 - (1 - confidenceLevel) / 2) * Math.Sqrt(varianceOfS);
            double lower = AtRank(slopes, (pairs - c) / 2);
            double upper = AtRank(slopes, (pairs + c) / 2 + 1);
            return (median, lower, upper);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    // The value at a 1-based, possibly fractional rank of the sorted slopes.
    private static double AtRank(ReadOnlySpan<double> sorted, double rank)
    {
        rank = Math.Clamp(rank, 1, sorted.Length);
        int below = (int)Math.Floor(rank);
        double fraction = rank - below;
        return below >= sorted.Length
            ? sorted[^1]
            : sorted[below - 1] + fraction * (sorted[below] - sorted[below - 1]);
    }
}
