using Mnemo.Core.Retrieval;

namespace Mnemo.Core.Tests.Retrieval;

/// <summary>The rate and time left that an index catch-up reports with its progress.</summary>
[Trait("Issue", "15")]
public sealed class ProgressRateTests
{
    [Fact]
    public void Estimate_FromWhatWasDoneInATime_GivesTheRateAndTheTimeLeft()
    {
        var (perSecond, remaining) = ProgressRate.Estimate(done: 1000, elapsed: TimeSpan.FromSeconds(2), left: 4000);

        Assert.Equal(500, perSecond);
        Assert.Equal(TimeSpan.FromSeconds(8), remaining);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1000, 0)]
    public void Estimate_WithNothingDoneOrNoTime_HasNoRate(long done, double seconds)
    {
        var (perSecond, remaining) = ProgressRate.Estimate(done, TimeSpan.FromSeconds(seconds), left: 10);

        Assert.Null(perSecond);
        Assert.Null(remaining);
    }

    [Fact]
    public void Measure_FirstReport_IsTheBaseline()
    {
        var rate = new ProgressRate(TimeProvider.System);

        var first = rate.Measure(1000, 5000);

        Assert.Equal(new ReindexProgress(1000, 5000), first);
    }
}
