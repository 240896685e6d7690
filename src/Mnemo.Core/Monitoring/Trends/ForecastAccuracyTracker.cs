using System.Globalization;

namespace Mnemo.Core.Monitoring.Trends;

/// <summary>Keeps forecasts until their time comes, compares them with the observation then, and reports the
/// intervals' empirical coverage and the mean absolute error.</summary>
/// <remarks>
/// A forecast is resolved by the first observation at or after its <see cref="Forecast.Time"/>, provided it comes
/// no later than <c>Time + tolerance</c> (samples rarely land on the exact instant); a later observation expires it
/// instead, since the value then is no longer the one forecast. Totals are running sums, so memory stays bounded
/// by the pending forecasts (at most <c>maxPending</c>; the oldest is expired to make room). Not thread-safe:
/// one sampler owns a tracker.
/// </remarks>
public sealed class ForecastAccuracyTracker
{
    private readonly TimeSpan _tolerance;
    private readonly int _maxPending;
    private readonly List<Forecast> _pending = [];
    private long _resolved;
    private long _covered;
    private long _expired;
    private double _absoluteErrorSum;
    private double _levelSum;

    /// <summary>Creates a tracker.</summary>
    /// <param name="tolerance">How long after a forecast's time an observation may still resolve it; typically the
    /// sampling interval. Not negative.</param>
    /// <param name="maxPending">The most forecasts kept waiting; at least 1. Default 1024.</param>
    /// <exception cref="ArgumentException">A negative tolerance or a <paramref name="maxPending"/> below 1.</exception>
    public ForecastAccuracyTracker(TimeSpan tolerance, int maxPending = 1024)
    {
        if (tolerance < TimeSpan.Zero)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The tolerance {tolerance} is negative; use for example the sampling interval."), nameof(tolerance));
        }

        if (maxPending < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"maxPending {maxPending} is below 1; keep at least one forecast."), nameof(maxPending));
        }

        _tolerance = tolerance;
        _maxPending = maxPending;
    }

    /// <summary>The totals so far.</summary>
    public ForecastAccuracy Accuracy => new(
        _resolved,
        _covered,
        _expired,
        _pending.Count,
        _resolved == 0 ? null : (double)_covered / _resolved,
        _resolved == 0 ? null : _levelSum / _resolved,
        _resolved == 0 ? null : _absoluteErrorSum / _resolved);

    /// <summary>Keeps <paramref name="forecast"/> until an observation resolves it.</summary>
    public void Record(Forecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        if (_pending.Count == _maxPending)
        {
            int oldest = 0;
            for (int i = 1; i < _pending.Count; i++)
            {
                oldest = _pending[i].Time < _pending[oldest].Time ? i : oldest;
            }

            _pending.RemoveAt(oldest);
            _expired++;
        }

        _pending.Add(forecast);
    }

    /// <summary>Resolves (or expires) every pending forecast whose time has come by <paramref name="observation"/>.</summary>
    /// <exception cref="ArgumentException">The observed value is not finite.</exception>
    public void Observe(TrendSample observation)
    {
        if (!double.IsFinite(observation.Value))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The observation at {observation.Time:O} has the value {observation.Value}; only finite values can score a forecast."), nameof(observation));
        }

        for (int i = _pending.Count - 1; i >= 0; i--)
        {
            Forecast forecast = _pending[i];
            if (observation.Time < forecast.Time)
            {
                continue;
            }

            _pending.RemoveAt(i);
            if (observation.Time - forecast.Time > _tolerance)
            {
                _expired++;
                continue;
            }

            _resolved++;
            _covered += forecast.Covers(observation.Value) ? 1 : 0;
            _absoluteErrorSum += Math.Abs(observation.Value - forecast.Value);
            _levelSum += forecast.Level;
        }
    }
}
