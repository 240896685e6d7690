using Mnemo.Core.Monitoring.Trends;

namespace Mnemo.Core.Tests.Monitoring.Trends;

/// <summary>The tracker resolves forecasts with the first observation at or after their time, expires late ones and
/// reports coverage and mean absolute error.</summary>
[Trait("Issue", "17")]
public sealed class ForecastAccuracyTrackerTests
{
    private static readonly DateTimeOffset s_noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_tolerance = TimeSpan.FromSeconds(15);

    private static Forecast At(DateTimeOffset time, double value, double halfWidth) => new()
    {
        IssuedAt = time.AddHours(-1),
        Time = time,
        Value = value,
        Lower = value - halfWidth,
        Upper = value + halfWidth,
        Level = 0.95,
        SampleCount = 60,
        SlopePerSecond = 0,
        ResidualStandardError = halfWidth / 2,
    };

    [Fact]
    public void Accuracy_NothingResolved_HasNoCoverageOrError()
    {
        var tracker = new ForecastAccuracyTracker(s_tolerance);
        tracker.Record(At(s_noon, 100, 10));

        Assert.Equal(new ForecastAccuracy(0, 0, 0, 1, null, null, null), tracker.Accuracy);
    }

    [Fact]
    public void Observe_BeforeTheForecastTime_LeavesItPending()
    {
        var tracker = new ForecastAccuracyTracker(s_tolerance);
        tracker.Record(At(s_noon, 100, 10));

        tracker.Observe(new TrendSample(s_noon.AddSeconds(-1), 100));

        Assert.Equal(1, tracker.Accuracy.Pending);
        Assert.Equal(0, tracker.Accuracy.Resolved);
    }

    [Fact]
    public void Observe_WithinTheTolerance_ScoresCoverageAndAbsoluteError()
    {
        var tracker = new ForecastAccuracyTracker(s_tolerance);
        tracker.Record(At(s_noon, 100, 10));
        tracker.Record(At(s_noon.AddMinutes(1), 100, 10));

        tracker.Observe(new TrendSample(s_noon.AddSeconds(10), 104));  // inside [90, 110], error 4
        tracker.Observe(new TrendSample(s_noon.AddMinutes(1), 130));   // outside, error 30

        Assert.Equal(new ForecastAccuracy(2, 1, 0, 0, 0.5, 0.95, 17), tracker.Accuracy);
    }

    [Fact]
    public void Observe_LaterThanTheTolerance_ExpiresTheForecast()
    {
        var tracker = new ForecastAccuracyTracker(s_tolerance);
        tracker.Record(At(s_noon, 100, 10));

        tracker.Observe(new TrendSample(s_noon.AddSeconds(16), 100));

        Assert.Equal(new ForecastAccuracy(0, 0, 1, 0, null, null, null), tracker.Accuracy);
    }

    [Fact]
    public void Record_PendingListFull_ExpiresTheOldest()
    {
        var tracker = new ForecastAccuracyTracker(s_tolerance, maxPending: 2);
        tracker.Record(At(s_noon.AddMinutes(2), 100, 10));
        tracker.Record(At(s_noon, 100, 10));
        tracker.Record(At(s_noon.AddMinutes(1), 100, 10));

        tracker.Observe(new TrendSample(s_noon, 100)); // the noon forecast was dropped: nothing to resolve

        Assert.Equal(new ForecastAccuracy(0, 0, 1, 2, null, null, null), tracker.Accuracy);
    }

    [Fact]
    public void Observe_NaNValue_ThrowsArgumentException()
    {
        var tracker = new ForecastAccuracyTracker(s_tolerance);

        ArgumentException error = Assert.Throws<ArgumentException>(() => tracker.Observe(new TrendSample(s_noon, double.NaN)));

        Assert.Equal("observation", error.ParamName);
    }

    [Fact]
    public void Constructor_NegativeTolerance_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new ForecastAccuracyTracker(TimeSpan.FromSeconds(-1)));
    }
}
