using Mnemo.Core.Monitoring.Trends;

namespace Mnemo.Core.Tests.Monitoring.Trends;

/// <summary>Least-squares forecasts: the prediction interval covers at its stated rate, and the fit uses the latest
/// window.</summary>
[Trait("Issue", "17")]
public sealed class LinearForecasterTests
{
    private static readonly DateTimeOffset s_origin = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(0.95)]
    [InlineData(0.80)]
    public void Predict_LinePlusGaussianNoise_CoversTheObservationAtTheStatedRate(double level)
    {
        // 2000 series of 60 samples (15 minutes) of a line plus N(0, σ) noise, each forecast one hour ahead and
        // scored by a tracker against the value then drawn from the same model.
        var random = new Random(2026);
        var tracker = new ForecastAccuracyTracker(TimeSpan.Zero);
        TimeSpan horizon = TimeSpan.FromHours(1);
        for (int trial = 0; trial < 2000; trial++)
        {
            double intercept = 1e8 * random.NextDouble();
            double slopePerSecond = 1e4 * (random.NextDouble() - 0.5);
            double sigma = 1e5 * (0.1 + random.NextDouble());
            DateTimeOffset start = s_origin.AddDays(trial);
            double At(DateTimeOffset time) => intercept + slopePerSecond * (time - start).TotalSeconds + sigma * SimulatedHeap.Gaussian(random);
            List<TrendSample> samples = [.. Enumerable.Range(0, 60).Select(i => start + i * s_interval).Select(t => new TrendSample(t, At(t)))];

            Forecast forecast = LinearForecaster.Predict(samples, horizon, level);
            tracker.Record(forecast);
            tracker.Observe(new TrendSample(forecast.Time, At(forecast.Time)));
        }

        ForecastAccuracy accuracy = tracker.Accuracy;
        TestContext.Current.TestOutputHelper?.WriteLine($"Nominal {level:P0}: coverage {accuracy.Coverage:P2}");
        Assert.Equal(2000, accuracy.Resolved);
        Assert.Equal(level, accuracy.MeanNominalLevel!.Value, 10);
        Assert.InRange(accuracy.Coverage!.Value, level - 0.03, level + 0.03);
    }

    [Fact]
    public void Predict_ExactLine_ForecastsTheLineWithAZeroWidthInterval()
    {
        List<TrendSample> samples = [.. Enumerable.Range(0, 10).Select(i => new TrendSample(s_origin + i * s_interval, 100 + 2.0 * i))];

        Forecast forecast = LinearForecaster.Predict(samples, TimeSpan.FromMinutes(1));

        Assert.Equal(s_origin + 9 * s_interval, forecast.IssuedAt);
        Assert.Equal(s_origin + 9 * s_interval + TimeSpan.FromMinutes(1), forecast.Time);
        Assert.Equal(126, forecast.Value, 9);             // 4 more steps of 2 after 118
        Assert.Equal(2.0 / 15, forecast.SlopePerSecond, 12);
        Assert.Equal(0, forecast.ResidualStandardError, 9);
        Assert.Equal(forecast.Value, forecast.Lower, 9);
        Assert.Equal(forecast.Value, forecast.Upper, 9);
    }

    [Fact]
    public void Predict_HandWorkedExample_MatchesTheTextbookInterval()
    {
        // t = 0, 1, 2, 3, 4 s; y = 1, 3, 2, 5, 4. t̄ = 2, ȳ = 3, Sxx = 10, Sxy = 8 → b = 0.8, a = 1.4.
        // Residuals −0.4, 0.8, −1, 1.2, −0.6 → SSE = 3.6, s = √1.2 = 1.0954.
        // At t₀ = 6 (2 s ahead): ŷ = 6.2; se = s·√(1 + 1/5 + 16/10) = 1.09545·1.67332 = 1.83303;
        // t_{0.975, 3} = 3.18245 → ŷ ± 5.83355.
        List<TrendSample> samples = MannKendallTests.Series(1, 1, 3, 2, 5, 4);

        Forecast forecast = LinearForecaster.Predict(samples, TimeSpan.FromSeconds(2));

        Assert.Equal(6.2, forecast.Value, 10);
        Assert.Equal(0.8, forecast.SlopePerSecond, 10);
        Assert.Equal(1.0954, forecast.ResidualStandardError, 4);
        Assert.Equal(6.2 - 5.83355, forecast.Lower, 1e-4);
        Assert.Equal(6.2 + 5.83355, forecast.Upper, 1e-4);
    }

    [Fact]
    public void Predict_Window_FitsOnlyTheLatestSamples()
    {
        // Flat for 50 samples, then rising by 1 per sample: a window of 10 sees only the rise.
        List<TrendSample> samples = [.. Enumerable.Range(0, 60).Select(i => new TrendSample(s_origin + i * s_interval, i < 50 ? 0 : i - 49))];

        Forecast forecast = LinearForecaster.Predict(samples, s_interval, window: 10);

        Assert.Equal(10, forecast.SampleCount);
        Assert.Equal(11, forecast.Value, 9);         // the next step after 10
    }

    [Fact]
    public void Predict_FewerThanThreeSamples_ThrowsArgumentException()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => LinearForecaster.Predict(MannKendallTests.Series(1, 1, 2), TimeSpan.FromMinutes(1)));

        Assert.Equal("samples", error.ParamName);
        Assert.Contains("given 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_NegativeHorizon_ThrowsArgumentException()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => LinearForecaster.Predict(MannKendallTests.Series(1, 1, 2, 3), TimeSpan.FromMinutes(-1)));

        Assert.Equal("horizon", error.ParamName);
    }

    [Fact]
    public void Predict_NaNValue_ThrowsArgumentException()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => LinearForecaster.Predict(MannKendallTests.Series(1, 1, double.NaN, 3), TimeSpan.FromMinutes(1)));

        Assert.Contains("Sample 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Predict_LevelOutsideTheOpenUnitInterval_ThrowsArgumentException(double level)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => LinearForecaster.Predict(MannKendallTests.Series(1, 1, 2, 3), TimeSpan.FromMinutes(1), level));

        Assert.Equal("level", error.ParamName);
    }
}
