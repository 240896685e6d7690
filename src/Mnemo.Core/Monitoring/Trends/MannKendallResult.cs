namespace Mnemo.Core.Monitoring.Trends;

/// <summary>The Mann-Kendall trend test and Sen's slope of one series.</summary>
/// <remarks>Slopes are in the value's unit per second; multiply by a <see cref="TimeSpan.TotalSeconds"/> for another
/// unit (see <see cref="SlopePer"/>).</remarks>
public sealed record MannKendallResult
{
    /// <summary>The number of samples, n.</summary>
    public required int Count { get; init; }

    /// <summary>The first sample's time.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>The last sample's time.</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>S = Σ_{i&lt;j} sign(x_j − x_i): concordant minus discordant pairs. Positive for a rise.</summary>
    public required long S { get; init; }

    /// <summary>Var(S) under the null hypothesis of no trend, with the correction for tied values.</summary>
    public required double Variance { get; init; }

    /// <summary>The standardised statistic with the continuity correction: (S − 1)/√Var(S) for S &gt; 0, 0 for S = 0,
    /// (S + 1)/√Var(S) for S &lt; 0.</summary>
    public required double Z { get; init; }

    /// <summary>The two-sided p-value of "there is a trend, up or down".</summary>
    public required double PValue { get; init; }

    /// <summary>The one-sided p-value of "the series rises".</summary>
    public required double PValueIncreasing { get; init; }

    /// <summary>The one-sided p-value of "the series falls".</summary>
    public required double PValueDecreasing { get; init; }

    /// <summary>True when the p-values come from the exact distribution of S (n ≤ 10 and no tied values); false when
    /// they come from the normal approximation of <see cref="Z"/>.</summary>
    public required bool IsExact { get; init; }

    /// <summary>Sen's slope: the median of the slopes of all pairs of samples, in value units per second.</summary>
    public required double SlopePerSecond { get; init; }

    /// <summary>The lower bound of the rank-based confidence interval of Sen's slope, per second.</summary>
    public required double SlopeLowerPerSecond { get; init; }

    /// <summary>The upper bound of the rank-based confidence interval of Sen's slope, per second.</summary>
    public required double SlopeUpperPerSecond { get; init; }

    /// <summary>The two-sided confidence level of the slope's interval, for example 0.95.</summary>
    public required double ConfidenceLevel { get; init; }

    /// <summary>Converts a per-second slope of this result to a rate per <paramref name="unit"/>.</summary>
    /// <param name="perSecond">A slope in value units per second, for example <see cref="SlopePerSecond"/>.</param>
    /// <param name="unit">The time unit wanted, for example one minute.</param>
    public static double SlopePer(double perSecond, TimeSpan unit) => perSecond * unit.TotalSeconds;
}
