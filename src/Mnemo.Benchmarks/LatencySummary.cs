using System.Text.Json;

namespace Mnemo.Benchmarks;

/// <summary>Percentiles and mean of a set of measured latencies, in milliseconds.</summary>
/// <remarks>
/// Beside <see cref="LatencyRecorder"/> (which times phases of operations in microseconds) because the search
/// benchmarks report per-query latency in milliseconds with a mean, and time only the search call, not the building
/// of the query or the scoring of its results.
/// </remarks>
internal sealed record LatencySummary(int Count, double P50, double P95, double P99, double Mean)
{
    /// <summary>Summarises latencies given in milliseconds (nearest-rank percentiles).</summary>
    public static LatencySummary Of(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double quantile) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, At(0.50), At(0.95), At(0.99), sorted.Length == 0 ? 0 : sorted.Average());
    }

    /// <summary>Writes <c>p50_ms</c>, <c>p95_ms</c>, <c>p99_ms</c> and <c>mean_ms</c> into the current object.</summary>
    public void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteNumber("p50_ms", Math.Round(P50, 3));
        writer.WriteNumber("p95_ms", Math.Round(P95, 3));
        writer.WriteNumber("p99_ms", Math.Round(P99, 3));
        writer.WriteNumber("mean_ms", Math.Round(Mean, 3));
    }
}
