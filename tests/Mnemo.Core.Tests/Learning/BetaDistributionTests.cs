using Mnemo.Core.Learning;

namespace Mnemo.Core.Tests.Learning;

[Trait("Issue", "18")]
public sealed class BetaDistributionTests
{
    [Theory]
    [InlineData(0.05)]
    [InlineData(0.5)]
    [InlineData(0.95)]
    public void Quantile_OfClosedFormCases_MatchesTheFormula(double p)
    {
        // Beta(1,1) is uniform; Beta(2,1) has CDF x², Beta(1,2) has CDF 1 − (1 − x)².
        Assert.Equal(p, new BetaDistribution(1, 1).Quantile(p), 9);
        Assert.Equal(Math.Sqrt(p), new BetaDistribution(2, 1).Quantile(p), 9);
        Assert.Equal(1 - Math.Sqrt(1 - p), new BetaDistribution(1, 2).Quantile(p), 9);
    }

    [Fact]
    public void Cdf_OfBeta3And5_MatchesTheBinomialSum()
    {
        // For integers, I_x(a, b) = P(Binomial(a+b−1, x) ≥ a).
        const double X = 0.3;
        double expected = 0;
        for (var k = 3; k <= 7; k++)
        {
            expected += Choose(7, k) * Math.Pow(X, k) * Math.Pow(1 - X, 7 - k);
        }

        Assert.Equal(expected, new BetaDistribution(3, 5).Cdf(X), 10);
    }

    [Fact]
    public void Sample_ManyDraws_HaveTheDistributionsMeanAndVariance()
    {
        var beta = new BetaDistribution(2.5, 7.5);
        var random = new Random(7);
        var draws = Enumerable.Range(0, 40_000).Select(_ => beta.Sample(random)).ToList();
        var mean = draws.Average();
        var variance = draws.Sum(x => (x - mean) * (x - mean)) / (draws.Count - 1);

        Assert.InRange(mean - beta.Mean, -0.005, 0.005);
        Assert.InRange(variance / beta.Variance, 0.95, 1.05);
        Assert.All(draws, x => Assert.InRange(x, 0, 1));
    }

    [Fact]
    public void Sample_ShapesBelowOne_StayInRangeWithTheRightMean()
    {
        var beta = new BetaDistribution(0.3, 0.6);
        var random = new Random(11);
        var draws = Enumerable.Range(0, 40_000).Select(_ => beta.Sample(random)).ToList();

        Assert.InRange(draws.Average() - beta.Mean, -0.01, 0.01);
    }

    [Fact]
    public void CredibleInterval_HoldsItsLevelBetweenItsEnds()
    {
        var beta = new BetaDistribution(8, 4);
        var (low, high) = beta.CredibleInterval(0.9);

        Assert.Equal(0.05, beta.Cdf(low), 9);
        Assert.Equal(0.95, beta.Cdf(high), 9);
        Assert.True(low < beta.Mean && beta.Mean < high);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, -1)]
    [InlineData(double.NaN, 1)]
    public void Constructor_ParameterNotAboveZero_Throws(double alpha, double beta) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BetaDistribution(alpha, beta));

    private static double Choose(int n, int k)
    {
        double result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
