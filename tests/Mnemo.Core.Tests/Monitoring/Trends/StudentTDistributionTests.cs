using Mnemo.Core.Monitoring.Trends;

namespace Mnemo.Core.Tests.Monitoring.Trends;

/// <summary>Quantiles of Student's t and of the normal distribution against printed tables and closed forms.</summary>
[Trait("Issue", "17")]
public sealed class StudentTDistributionTests
{
    // Two-sided critical values as printed in standard t tables (three decimals).
    [Theory]
    [InlineData(0.975, 1, 12.706)]
    [InlineData(0.975, 2, 4.303)]
    [InlineData(0.975, 5, 2.571)]
    [InlineData(0.975, 10, 2.228)]
    [InlineData(0.975, 30, 2.042)]
    [InlineData(0.975, 120, 1.980)]
    [InlineData(0.95, 10, 1.812)]
    [InlineData(0.95, 3, 2.353)]
    [InlineData(0.99, 20, 2.528)]
    [InlineData(0.995, 5, 4.032)]
    [InlineData(0.995, 60, 2.660)]
    [InlineData(0.9995, 10, 4.587)]
    [InlineData(0.9, 4, 1.533)]
    public void Quantile_TableProbabilities_MatchThePrintedValues(double p, double df, double expected)
    {
        Assert.Equal(expected, StudentTDistribution.Quantile(p, df), 3);
    }

    [Theory]
    [InlineData(0.6)]
    [InlineData(0.9)]
    [InlineData(0.975)]
    [InlineData(0.999)]
    public void Quantile_OneAndTwoDegreesOfFreedom_MatchTheClosedForms(double p)
    {
        // ν = 1 is the Cauchy distribution, t = tan(π(p − ½)); ν = 2 has t = (2p − 1)/√(2p(1 − p)).
        Assert.Equal(Math.Tan(Math.PI * (p - 0.5)), StudentTDistribution.Quantile(p, 1), 1e-8);
        Assert.Equal((2 * p - 1) / Math.Sqrt(2 * p * (1 - p)), StudentTDistribution.Quantile(p, 2), 1e-8);
    }

    [Fact]
    public void Quantile_LowerTail_IsTheNegatedUpperTail()
    {
        Assert.Equal(-StudentTDistribution.Quantile(0.975, 7), StudentTDistribution.Quantile(0.025, 7), 12);
        Assert.Equal(0, StudentTDistribution.Quantile(0.5, 7));
    }

    [Fact]
    public void Quantile_ManyDegreesOfFreedom_ApproachesTheNormalQuantile()
    {
        Assert.Equal(1.959964, StudentTDistribution.Quantile(0.975, 1e7), 5);
    }

    [Fact]
    public void Cdf_AtTheQuantile_ReturnsTheProbability()
    {
        Assert.Equal(0.975, StudentTDistribution.Cdf(StudentTDistribution.Quantile(0.975, 8.5), 8.5), 10);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void Quantile_ProbabilityOutsideTheOpenUnitInterval_Throws(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentTDistribution.Quantile(p, 5));
    }

    [Theory]
    [InlineData(0.975, 1.959964)]
    [InlineData(0.95, 1.644854)]
    [InlineData(0.995, 2.575829)]
    [InlineData(0.001, -3.090232)]
    public void NormalQuantile_TableProbabilities_MatchThePrintedValues(double p, double expected)
    {
        Assert.Equal(expected, NormalDistribution.Quantile(p), 5);
        Assert.Equal(p, NormalDistribution.Cdf(expected), 6);
    }
}
