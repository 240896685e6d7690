namespace Mnemo.Core.Monitoring.Trends;

/// <summary>How a <see cref="LeakDetector"/> decides that a series leaks.</summary>
public sealed class LeakDetectorOptions
{
    /// <summary>The significance level of the one-sided Mann-Kendall test, in (0, 1). Default 0.05.</summary>
    public double Significance { get; init; } = 0.05;

    /// <summary>The two-sided confidence level of Sen's slope interval, in (0, 1). Default 0.95, so the lower bound
    /// is a 97.5% one-sided bound.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>The rate, in value units per <see cref="RateUnit"/>, that the slope's lower confidence bound must
    /// exceed. Default 0: any confident rise. Set it for the quantity watched (for example 1 MiB per minute for a
    /// heap) so that a tiny but significant drift of a stable process is not called a leak.</summary>
    public double MinimumRate { get; init; }

    /// <summary>The time unit of <see cref="MinimumRate"/> and of the rates in a verdict. Default one minute.</summary>
    public TimeSpan RateUnit { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many of the latest samples are tested, between <see cref="MinimumSamples"/> and
    /// <see cref="MannKendall.MaxSamples"/> (500). Default 60.</summary>
    public int Window { get; init; } = 60;

    /// <summary>The fewest samples worth testing; below it the verdict is
    /// <see cref="LeakStatus.InsufficientData"/>. At least <see cref="MannKendall.MinSamples"/>. Default 12: with
    /// fewer, one garbage collection's sawtooth spans the whole window and the slope's interval is too wide to
    /// exclude a modest rate anyway.</summary>
    public int MinimumSamples { get; init; } = 12;
}
