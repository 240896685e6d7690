using Mnemo.Core.Monitoring.Health;

namespace Mnemo.Core.Tests.Monitoring.Health;

/// <summary>The pressure score: each part is value / threshold × the warning score, capped at 100; the score is the largest part.</summary>
[Trait("Issue", "17")]
public sealed class PressureScoreTests
{
    [Theory]
    [InlineData(70)]
    [InlineData(50)]
    [InlineData(1)]
    public void Part_AtTheThreshold_IsTheWarningScore(double warning) =>
        Assert.Equal(warning, PressureScore.Part(512, 512, warning), 9);

    [Fact]
    public void Part_RisingValue_NeverFallsAndCapsAt100()
    {
        var parts = Enumerable.Range(0, 300).Select(i => PressureScore.Part(i, 100, 70)).ToList();

        Assert.Equal(parts.Order(), parts);
        Assert.Equal(0, parts[0]);
        Assert.Equal(35, parts[50], 9);
        Assert.Equal(100, parts[^1]);
    }

    [Fact]
    public void Part_HigherThreshold_GivesALowerPart() =>
        Assert.True(PressureScore.Part(400, 800, 70) < PressureScore.Part(400, 500, 70));

    [Fact]
    public void Part_NotMeasuredOrNegative_IsZero()
    {
        Assert.Equal(0, PressureScore.Part(null, 1, 70));
        Assert.Equal(0, PressureScore.Part(-5, 1, 70));
        Assert.Equal(0, PressureScore.Part(double.NaN, 1, 70));
    }

    [Fact]
    public void Part_BadThresholdOrWarningScore_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PressureScore.Part(1, 0, 70));
        Assert.Throws<ArgumentOutOfRangeException>(() => PressureScore.Part(1, 1, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => PressureScore.Part(1, 1, 101));
    }

    [Fact]
    public void Of_SeveralInputs_IsTheLargestPartRounded()
    {
        HealthInput[] inputs = [Input(12.34), Input(56.789), Input(3)];

        Assert.Equal(56.8, PressureScore.Of(inputs));
        Assert.Equal(0, PressureScore.Of([]));
    }

    [Theory]
    [InlineData(0, HealthStatus.Healthy)]
    [InlineData(69.9, HealthStatus.Healthy)]
    [InlineData(70, HealthStatus.Warning)]
    [InlineData(89.9, HealthStatus.Warning)]
    [InlineData(90, HealthStatus.Critical)]
    [InlineData(100, HealthStatus.Critical)]
    public void StatusOf_DefaultThresholds_WarnsFrom70AndIsCriticalFrom90(double score, HealthStatus expected) =>
        Assert.Equal(expected, PressureScore.StatusOf(score, new HealthThresholds()));

    [Fact]
    public void StatusOf_OtherScores_HonoursThem()
    {
        var thresholds = new HealthThresholds { MemoryPressure = 40, CriticalPressure = 60 };

        Assert.Equal(HealthStatus.Healthy, PressureScore.StatusOf(39.9, thresholds));
        Assert.Equal(HealthStatus.Warning, PressureScore.StatusOf(40, thresholds));
        Assert.Equal(HealthStatus.Critical, PressureScore.StatusOf(60, thresholds));
    }

    private static HealthInput Input(double part) => new("x", "bytes", 1, 1, part, "test");
}
