namespace Mnemo.Core.Monitoring.Trends;

/// <summary>The exact null distribution of the Mann-Kendall S for small n without ties.</summary>
/// <remarks>Under no trend and no ties every ordering of the n values is equally likely, and S = N − 2k where
/// N = n(n−1)/2 and k is the number of inversions of the ordering. The number of permutations of n items with k
/// inversions (the Mahonian numbers) follows the recurrence I(n, k) = Σ_{j=0}^{min(k, n−1)} I(n−1, k−j) (Kendall
/// 1975, ch. 4). Counts stay exact in doubles up to n = 18; the test uses it only up to <see cref="MaxCount"/>.</remarks>
internal static class KendallExactDistribution
{
    /// <summary>The largest n for which the exact distribution is used; above it the normal approximation is good
    /// (Gilbert 1987, ch. 16, tabulates exact probabilities only for small n).</summary>
    public const int MaxCount = 10;

    /// <summary>P(S ≥ s) under the null hypothesis for a series of n untied values.</summary>
    public static double UpperTail(int n, long s)
    {
        double[] counts = InversionCounts(n);
        long pairs = (long)n * (n - 1) / 2;
        double total = 0;
        double atLeast = 0;
        for (int k = 0; k < counts.Length; k++)
        {
            total += counts[k];
            if (pairs - 2L * k >= s)
            {
                atLeast += counts[k];
            }
        }

        return atLeast / total;
    }

    private static double[] InversionCounts(int n)
    {
        int max = n * (n - 1) / 2;
        var counts = new double[max + 1];
        counts[0] = 1;
        var next = new double[max + 1];
        for (int m = 2; m <= n; m++)
        {
            Array.Clear(next);
            int reach = m * (m - 1) / 2;
            for (int k = 0; k <= reach; k++)
            {
                double sum = 0;
                for (int j = 0; j <= Math.Min(k, m - 1); j++)
                {
                    sum += counts[k - j];
                }

                next[k] = sum;
            }

            (counts, next) = (next, counts);
        }

        return counts;
    }
}
