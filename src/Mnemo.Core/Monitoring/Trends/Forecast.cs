namespace Mnemo.Core.Monitoring.Trends;

/// <summary>A forecast of a value at a future time, with its prediction interval.</summary>
public sealed record Forecast
{
    /// <summary>The time of the last sample the forecast was made from.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>The time forecast.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The predicted value.</summary>
    public required double Value { get; init; }

    /// <summary>The lower bound of the prediction interval.</summary>
    public required double Lower { get; init; }

    /// <summary>The upper bound of the prediction interval.</summary>
    public required double Upper { get; init; }

    /// <summary>The interval's nominal coverage, for example 0.95: the share of future observations it should
    /// hold if the series is a line plus independent Gaussian noise.</summary>
    public required double Level { get; init; }

    /// <summary>The number of samples fitted.</summary>
    public required int SampleCount { get; init; }

    /// <summary>The fitted slope, in value units per second.</summary>
    public required double SlopePerSecond { get; init; }

    /// <summary>The residual standard error of the fit, in value units.</summary>
    public required double ResidualStandardError { get; init; }

    /// <summary>True when <paramref name="observed"/> lies within [<see cref="Lower"/>, <see cref="Upper"/>].</summary>
    public bool Covers(double observed) => observed >= Lower && observed <= Upper;
}
