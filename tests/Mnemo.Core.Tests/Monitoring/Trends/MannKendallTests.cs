using Mnemo.Core.Monitoring.Trends;

namespace Mnemo.Core.Tests.Monitoring.Trends;

/// <summary>The Mann-Kendall statistic, its p-values and Sen's slope against worked examples.</summary>
[Trait("Issue", "17")]
public sealed class MannKendallTests
{
    private static readonly DateTimeOffset s_origin = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    internal static List<TrendSample> Series(double stepSeconds, params double[] values) =>
        [.. values.Select((v, i) => new TrendSample(s_origin.AddSeconds(i * stepSeconds), v))];

    [Fact]
    public void Test_SmallUntiedSeries_MatchesTheHandWorkedExactValues()
    {
        // 1, 3, 2, 5, 4 one second apart. Pairs: 8 rises, 2 falls (3→2, 5→4), so S = 6.
        // Var(S) = 5·4·15/18 = 16.667; Z = (6 − 1)/√16.667 = 1.2247.
        // Exact: S ≥ 6 ⇔ at most 2 inversions; I(5,0) + I(5,1) + I(5,2) = 1 + 4 + 9 = 14 of 5! = 120 orderings,
        // so p(rise) = 0.1167 (Gilbert 1987, table A18: n = 5, S = 6 → 0.117).
        // Pairwise slopes sorted: −1, −1, 1/3, 1/2, 3/4, 1, 1, 4/3, 2, 3 → median (3/4 + 1)/2 = 0.875.
        // C = 1.96·√16.667 = 8.002; M1 = (10 − 8.002)/2 = 0.999 → rank 1 (−1); M2 + 1 = 10.0008 → rank 10 (3).
        MannKendallResult result = MannKendall.Test(Series(1, 1, 3, 2, 5, 4));

        Assert.Equal(6, result.S);
        Assert.Equal(16.6667, result.Variance, 4);
        Assert.Equal(1.2247, result.Z, 4);
        Assert.True(result.IsExact);
        Assert.Equal(14.0 / 120, result.PValueIncreasing, 10);
        Assert.Equal(0.875, result.SlopePerSecond, 10);
        Assert.Equal(-1, result.SlopeLowerPerSecond, 10);
        Assert.Equal(3, result.SlopeUpperPerSecond, 10);
    }

    [Fact]
    public void Test_SeriesWithTies_UsesTheTieCorrectedNormalApproximation()
    {
        // 10 12 11 15 15 18 17 20 22 21 25, one minute apart; one pair of tied values (15, 15).
        // S = 48; Var(S) = (11·10·27 − 2·1·9)/18 = 164; Z = 47/√164 = 3.6701;
        // p(rise) = 1 − Φ(3.6701) = 1.2124e-4, two-sided 2.4247e-4.
        // Sen: the median of the 55 pairwise slopes is 10/420 per second = 1.4286 per minute; C = 1.96·√164 = 25.10,
        // ranks 14.95 and 42.05 give the interval 1.1646 to 1.6708 per minute.
        MannKendallResult result = MannKendall.Test(Series(60, 10, 12, 11, 15, 15, 18, 17, 20, 22, 21, 25));

        Assert.Equal(48, result.S);
        Assert.Equal(164, result.Variance, 10);
        Assert.Equal(3.6701, result.Z, 4);
        Assert.False(result.IsExact);
        Assert.Equal(1.2124e-4, result.PValueIncreasing, 6);
        Assert.Equal(2.4247e-4, result.PValue, 6);
        Assert.Equal(1.4286, MannKendallResult.SlopePer(result.SlopePerSecond, TimeSpan.FromMinutes(1)), 4);
        Assert.Equal(1.1646, MannKendallResult.SlopePer(result.SlopeLowerPerSecond, TimeSpan.FromMinutes(1)), 4);
        Assert.Equal(1.6708, MannKendallResult.SlopePer(result.SlopeUpperPerSecond, TimeSpan.FromMinutes(1)), 4);
    }

    [Fact]
    public void Test_FallingSeries_HasNegativeSAndSmallFallingPValue()
    {
        MannKendallResult result = MannKendall.Test(Series(1, 25, 21, 22, 20, 17, 18, 15, 15, 11, 12, 10));

        Assert.Equal(-48, result.S);
        Assert.Equal(-3.6701, result.Z, 4);
        Assert.Equal(1.2124e-4, result.PValueDecreasing, 6);
        Assert.True(result.PValueIncreasing > 0.999);
        Assert.True(result.SlopePerSecond < 0);
    }

    [Fact]
    public void Test_ConstantSeries_HasNoTrendAndAZeroSlope()
    {
        MannKendallResult result = MannKendall.Test(Series(1, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7));

        Assert.Equal(0, result.S);
        Assert.Equal(0, result.Variance);
        Assert.Equal(0, result.Z);
        Assert.Equal(1, result.PValue);
        Assert.Equal(0.5, result.PValueIncreasing);
        Assert.Equal((0.0, 0.0, 0.0), (result.SlopePerSecond, result.SlopeLowerPerSecond, result.SlopeUpperPerSecond));
    }

    [Fact]
    public void Test_AllTiedInTwoLevels_CorrectsTheVarianceForBothGroups()
    {
        // Four 1s then four 2s: 16 rising pairs, the rest tied; S = 16.
        // Var = (8·7·21 − 2·(4·3·13))/18 = (1176 − 312)/18 = 48.
        MannKendallResult result = MannKendall.Test(Series(1, 1, 1, 1, 1, 2, 2, 2, 2));

        Assert.Equal(16, result.S);
        Assert.Equal(48, result.Variance, 10);
        Assert.False(result.IsExact);
    }

    [Fact]
    public void Test_UnsortedSamples_GiveTheSameResultAsSorted()
    {
        List<TrendSample> sorted = Series(60, 10, 12, 11, 15, 15, 18, 17, 20, 22, 21, 25);
        List<TrendSample> shuffled = [.. sorted.OrderBy(s => s.Value * 7919 % 13)];

        Assert.Equal(MannKendall.Test(sorted), MannKendall.Test(shuffled));
    }

    [Fact]
    public void Test_NaNValue_ThrowsArgumentExceptionNamingTheSample()
    {
        List<TrendSample> samples = Series(1, 1, 2, double.NaN, 4);

        ArgumentException error = Assert.Throws<ArgumentException>(() => MannKendall.Test(samples));

        Assert.Equal("samples", error.ParamName);
        Assert.Contains("Sample 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_TwoSamplesAtOneTime_ThrowsArgumentException()
    {
        List<TrendSample> samples = [.. Series(1, 1, 2, 3, 4), new TrendSample(s_origin, 9)];

        ArgumentException error = Assert.Throws<ArgumentException>(() => MannKendall.Test(samples));

        Assert.Contains("share the time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_FewerThanThreeSamples_ThrowsArgumentException()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => MannKendall.Test(Series(1, 1, 2)));

        Assert.Contains("given 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_MoreThanTheCap_ThrowsArgumentException()
    {
        List<TrendSample> samples = Series(1, [.. Enumerable.Range(0, MannKendall.MaxSamples + 1).Select(i => (double)i)]);

        Assert.Throws<ArgumentException>(() => MannKendall.Test(samples));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void Test_ConfidenceLevelOutsideTheOpenUnitInterval_ThrowsArgumentException(double level)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => MannKendall.Test(Series(1, 1, 2, 3, 4), level));

        Assert.Equal("confidenceLevel", error.ParamName);
    }

    [Fact]
    public void Test_OneOutlier_BarelyMovesSensSlope()
    {
        // A line of slope 1 with one huge spike: least squares would tilt, the median of pairwise slopes stays at 1.
        double[] values = [.. Enumerable.Range(0, 30).Select(i => (double)i)];
        values[15] = 1e6;

        MannKendallResult result = MannKendall.Test(Series(1, values));

        Assert.Equal(1, result.SlopePerSecond, 10);
    }
}
