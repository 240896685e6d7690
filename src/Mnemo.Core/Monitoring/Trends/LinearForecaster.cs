using System.Globalization;

namespace Mnemo.Core.Monitoring.Trends;

/// <summary>Forecasts a series by ordinary least squares on its latest samples, with a Student t prediction
/// interval.</summary>
/// <remarks>
/// For the fit ŷ = a + b·t over n samples with residual standard error s = √(Σ(y − ŷ)²/(n − 2)), the prediction
/// interval of one new observation at t₀ is ŷ(t₀) ± t_{1−α/2, n−2} · s · √(1 + 1/n + (t₀ − t̄)²/Σ(t − t̄)²)
/// (any regression text, e.g. Draper and Smith, Applied Regression Analysis, §3.1). It is exact when the series
/// is a line plus independent Gaussian noise; a curving or autocorrelated series makes it too narrow, which the
/// <see cref="ForecastAccuracyTracker"/> is there to show.
/// </remarks>
public static class LinearForecaster
{
    /// <summary>The fewest samples a forecast needs: 3, so that the residuals keep one degree of freedom.</summary>
    public const int MinSamples = 3;

    /// <summary>Fits the latest <paramref name="window"/> samples and forecasts <paramref name="horizon"/> after the
    /// last one.</summary>
    /// <param name="samples">The series, in any order; values finite, times distinct.</param>
    /// <param name="horizon">How far after the last sample to forecast, for example one hour; not negative.</param>
    /// <param name="level">The prediction interval's nominal coverage, in (0, 1); 0.95 by default.</param>
    /// <param name="window">How many of the latest samples to fit, at least <see cref="MinSamples"/>; 60 by
    /// default.</param>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinSamples"/> samples, a non-finite value, two samples
    /// at one time, a negative horizon, or a level or window out of range.</exception>
    public static Forecast Predict(IReadOnlyList<TrendSample> samples, TimeSpan horizon, double level = 0.95, int window = 60)
    {
        if (horizon < TimeSpan.Zero)
        {
            throw new ArgumentException(Message($"The horizon {horizon} is negative; forecast a time after the last sample."), nameof(horizon));
        }

        if (!(level > 0 && level < 1))
        {
            throw new ArgumentException(Message($"The level {level} is outside (0, 1); pass for example 0.95."), nameof(level));
        }

        if (window < MinSamples)
        {
            throw new ArgumentException(Message($"The window {window} is below {MinSamples}; fit at least {MinSamples} samples."), nameof(window));
        }

        TrendSeries series = TrendSeries.From(samples, nameof(samples));
        if (series.Count < MinSamples)
        {
            throw new ArgumentException(Message($"A forecast needs at least {MinSamples} samples; it was given {series.Count}. Collect more samples first."), nameof(samples));
        }

        int n = Math.Min(series.Count, window);
        int start = series.Count - n;
        ReadOnlySpan<double> t = series.Seconds.AsSpan(start, n);
        ReadOnlySpan<double> y = series.Values.AsSpan(start, n);

        // Centred sums keep the fit accurate when times are large (seconds since an old origin).
        double tMean = 0;
        double yMean = 0;
        for (int i = 0; i < n; i++)
        {
            tMean += t[i];
            yMean += y[i];
        }

        tMean /= n;
        yMean /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++)
        {
            sxx += (t[i] - tMean) * (t[i] - tMean);
            sxy += (t[i] - tMean) * (y[i] - yMean);
        }

        double slope = sxy / sxx;
        double sse = 0;
        for (int i = 0; i < n; i++)
        {
            double residual = y[i] - (yMean + slope * (t[i] - tMean));
            sse += residual * residual;
        }

        double s = Math.Sqrt(sse / (n - 2));
        double t0 = t[^1] + horizon.TotalSeconds;
        double predicted = yMean + slope * (t0 - tMean);
        double halfWidth = StudentTDistribution.Quantile(1 - (1 - level) / 2, n - 2)
            * s * Math.Sqrt(1 + 1.0 / n + (t0 - tMean) * (t0 - tMean) / sxx);

        DateTimeOffset issued = series.TimeAt(series.Count - 1);
        return new Forecast
        {
            IssuedAt = issued,
            Time = issued + horizon,
            Value = predicted,
            Lower = predicted - halfWidth,
            Upper = predicted + halfWidth,
            Level = level,
            SampleCount = n,
            SlopePerSecond = slope,
            ResidualStandardError = s,
        };
    }

    private static string Message(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
