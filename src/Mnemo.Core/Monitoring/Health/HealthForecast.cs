using Mnemo.Core.Monitoring.Trends;

namespace Mnemo.Core.Monitoring.Health;

/// <summary>A forecast of the next hour of one series of the metrics history, and how past forecasts of it fared.</summary>
/// <param name="Subject">What was forecast: <c>heap</c> or <c>content</c>, as in <see cref="HealthLeak"/>.</param>
/// <param name="ProcessId">The process whose heap was forecast; null for the store's content.</param>
/// <param name="AvailableSamples">Samples of the series in the history.</param>
/// <param name="NeededSamples">The fewest a forecast needs (<see cref="LinearForecaster.MinSamples"/>).</param>
/// <param name="Forecast">The forecast with its 95% prediction interval, or null with too few samples.</param>
/// <param name="Accuracy">Forecasts of the same kind replayed over the history, each made from the samples before it and
/// compared with the first sample an hour later; null with too few samples.</param>
public sealed record HealthForecast(
    string Subject, int? ProcessId, int AvailableSamples, int NeededSamples, Forecast? Forecast, ForecastAccuracy? Accuracy);
