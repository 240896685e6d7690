using System.Globalization;

namespace Mnemo.Core.Monitoring.Trends;

/// <summary>Judges whether a sampled quantity (a post-GC heap, a prefix's bytes) leaks: rises in a sustained way,
/// not by a blip between two samples.</summary>
/// <remarks>
/// A leak needs both: (1) the one-sided Mann-Kendall test of a rise over the latest
/// <see cref="LeakDetectorOptions.Window"/> samples is significant at <see cref="LeakDetectorOptions.Significance"/>,
/// and (2) the lower confidence bound of Sen's slope is above <see cref="LeakDetectorOptions.MinimumRate"/>. The
/// first alone flags any consistent drift once enough samples pile up; the second keeps the verdict about rates
/// that matter. Both statistics are rank-based, so a garbage collector's sawtooth or a spike moves them little.
/// Stateless and thread-safe.
/// </remarks>
public sealed class LeakDetector
{
    private readonly LeakDetectorOptions _options;

    /// <summary>Creates a detector with <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="ArgumentException">An option is out of its documented range.</exception>
    public LeakDetector(LeakDetectorOptions? options = null)
    {
        _options = options ?? new LeakDetectorOptions();
        Validate(_options);
    }

    /// <summary>The options in use.</summary>
    public LeakDetectorOptions Options => _options;

    /// <summary>Judges the latest samples of <paramref name="samples"/>.</summary>
    /// <param name="samples">The series, in any order; values finite, times distinct.</param>
    /// <returns>The verdict with its evidence; <see cref="LeakStatus.InsufficientData"/> when there are fewer than
    /// <see cref="LeakDetectorOptions.MinimumSamples"/> samples.</returns>
    /// <exception cref="ArgumentException">A value is not finite or two samples share a time.</exception>
    public LeakVerdict Evaluate(IReadOnlyList<TrendSample> samples)
    {
        TrendSeries series = TrendSeries.From(samples, nameof(samples));
        if (series.Count < _options.MinimumSamples)
        {
            return Verdict(LeakStatus.InsufficientData, series.Count, trend: null,
                string.Create(CultureInfo.InvariantCulture, $"Not enough samples to judge a leak: {series.Count} of the {_options.MinimumSamples} needed."));
        }

        int count = Math.Min(series.Count, _options.Window);
        MannKendallResult trend = MannKendall.Test(series, series.Count - count, count, _options.ConfidenceLevel);
        double lower = MannKendallResult.SlopePer(trend.SlopeLowerPerSecond, _options.RateUnit);
        bool significant = trend.PValueIncreasing < _options.Significance;
        LeakStatus status = !significant ? LeakStatus.NoRise
            : lower > _options.MinimumRate ? LeakStatus.Leak
            : LeakStatus.SlowRise;
        return Verdict(status, series.Count, trend, LeakSummary.Describe(status, trend, _options));
    }

    private LeakVerdict Verdict(LeakStatus status, int available, MannKendallResult? trend, string summary) => new()
    {
        Status = status,
        Summary = summary,
        AvailableSamples = available,
        Trend = trend,
        Significance = _options.Significance,
        MinimumRate = _options.MinimumRate,
        RateUnit = _options.RateUnit,
    };

    private static void Validate(LeakDetectorOptions options)
    {
        if (!(options.Significance > 0 && options.Significance < 1))
        {
            throw new ArgumentException(Invalid($"Significance {options.Significance} is outside (0, 1); use for example 0.05."), nameof(options));
        }

        if (!(options.ConfidenceLevel > 0 && options.ConfidenceLevel < 1))
        {
            throw new ArgumentException(Invalid($"ConfidenceLevel {options.ConfidenceLevel} is outside (0, 1); use for example 0.95."), nameof(options));
        }

        if (!double.IsFinite(options.MinimumRate))
        {
            throw new ArgumentException(Invalid($"MinimumRate {options.MinimumRate} is not a finite number; use 0 or a rate per RateUnit."), nameof(options));
        }

        if (options.RateUnit <= TimeSpan.Zero)
        {
            throw new ArgumentException(Invalid($"RateUnit {options.RateUnit} is not positive; use for example one minute."), nameof(options));
        }

        if (options.MinimumSamples < MannKendall.MinSamples || options.MinimumSamples > MannKendall.MaxSamples)
        {
            throw new ArgumentException(Invalid($"MinimumSamples {options.MinimumSamples} is outside [{MannKendall.MinSamples}, {MannKendall.MaxSamples}]."), nameof(options));
        }

        if (options.Window < options.MinimumSamples || options.Window > MannKendall.MaxSamples)
        {
            throw new ArgumentException(Invalid($"Window {options.Window} is outside [MinimumSamples = {options.MinimumSamples}, {MannKendall.MaxSamples}]."), nameof(options));
        }
    }

    private static string Invalid(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
