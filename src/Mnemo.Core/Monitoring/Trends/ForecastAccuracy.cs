namespace Mnemo.Core.Monitoring.Trends;

/// <summary>How past forecasts fared against what was then observed.</summary>
/// <param name="Resolved">Forecasts compared with an observation.</param>
/// <param name="Covered">Of those, the ones whose interval held the observation.</param>
/// <param name="Expired">Forecasts dropped unresolved: no observation came within the tolerance of their time, or
/// the pending list was full.</param>
/// <param name="Pending">Forecasts still waiting for their time.</param>
/// <param name="Coverage">Covered / Resolved, the empirical coverage; null before the first resolution.</param>
/// <param name="MeanNominalLevel">The mean stated level of the resolved forecasts, to compare
/// <paramref name="Coverage"/> with; null before the first resolution.</param>
/// <param name="MeanAbsoluteError">The mean |observed − predicted| of the resolved forecasts, in value units; null
/// before the first resolution.</param>
public sealed record ForecastAccuracy(
    long Resolved, long Covered, long Expired, int Pending, double? Coverage, double? MeanNominalLevel, double? MeanAbsoluteError);
