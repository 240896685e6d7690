namespace Mnemo.Core.Monitoring.Trends;

/// <summary>A leak detector's conclusion about a series, with its evidence.</summary>
public sealed record LeakVerdict
{
    /// <summary>What was concluded.</summary>
    public required LeakStatus Status { get; init; }

    /// <summary>True when <see cref="Status"/> is <see cref="LeakStatus.Leak"/>.</summary>
    public bool IsLeak => Status == LeakStatus.Leak;

    /// <summary>The conclusion and its evidence as one sentence, for a person.</summary>
    public required string Summary { get; init; }

    /// <summary>The samples available, before the window was applied.</summary>
    public required int AvailableSamples { get; init; }

    /// <summary>The test over the window (its count, times, S, Z, p-values and Sen's slope); null when
    /// <see cref="Status"/> is <see cref="LeakStatus.InsufficientData"/>.</summary>
    public required MannKendallResult? Trend { get; init; }

    /// <summary>The one-sided p-value of a rise that was compared with <see cref="Significance"/>; null without a
    /// test.</summary>
    public double? PValue => Trend?.PValueIncreasing;

    /// <summary>The significance level used.</summary>
    public required double Significance { get; init; }

    /// <summary>Sen's slope per <see cref="RateUnit"/>; null without a test.</summary>
    public double? Rate => Trend is null ? null : MannKendallResult.SlopePer(Trend.SlopePerSecond, RateUnit);

    /// <summary>The lower confidence bound of the slope per <see cref="RateUnit"/>; null without a test.</summary>
    public double? RateLower => Trend is null ? null : MannKendallResult.SlopePer(Trend.SlopeLowerPerSecond, RateUnit);

    /// <summary>The upper confidence bound of the slope per <see cref="RateUnit"/>; null without a test.</summary>
    public double? RateUpper => Trend is null ? null : MannKendallResult.SlopePer(Trend.SlopeUpperPerSecond, RateUnit);

    /// <summary>The minimum rate the lower bound had to exceed, per <see cref="RateUnit"/>.</summary>
    public required double MinimumRate { get; init; }

    /// <summary>The time unit of the rates.</summary>
    public required TimeSpan RateUnit { get; init; }
}
