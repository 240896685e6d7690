using Mnemo.Core.Monitoring.Health;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>
    /// Measures this process and the store now (<see cref="GetMetricsAsync"/>), reads the quotas' usage and the store's
    /// metrics history, and scores the pressure against <see cref="MnemoOptions.Health"/> (<see cref="PressureScore"/>),
    /// with leak verdicts and next-hour forecasts from the history.
    /// </summary>
    /// <remarks>Reads only; <see cref="SampleAsync"/> adds the samples the trends are judged from.</remarks>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    public async Task<HealthReport> GetHealthAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await GetMetricsAsync(1, cancellationToken).ConfigureAwait(false);
        var quotas = await GetQuotaUsageAsync(cancellationToken).ConfigureAwait(false);
        var history = await GetMetricSamplesAsync(snapshot.Process.At - _options.MetricsRetention, null, cancellationToken).ConfigureAwait(false);
        return HealthEvaluator.Evaluate(snapshot, quotas, _options.QuotaWarningFraction, history, _options.Health);
    }
}
