using System.Diagnostics;
using System.Text.Json;

namespace Mnemo.Benchmarks;

/// <summary>Collects per-operation latencies of one benchmark phase and summarises them.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<long> _ticks;
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _elapsed;

    public LatencyRecorder(int capacity) => _ticks = new List<long>(capacity);

    /// <summary>Operations each timed sample stands for (a batch of puts is one sample of many operations).</summary>
    public int OperationsPerSample { get; init; } = 1;

    public void Add(long startTimestamp) => _ticks.Add(Stopwatch.GetTimestamp() - startTimestamp);

    /// <summary>Stops the phase clock.</summary>
    public PhaseResult Finish()
    {
        _elapsed = Stopwatch.GetTimestamp() - _started;
        var sorted = _ticks.ToArray();
        Array.Sort(sorted);
        double Micro(double quantile) => sorted.Length == 0
            ? 0
            : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)] * 1e6 / Stopwatch.Frequency;
        var seconds = (double)_elapsed / Stopwatch.Frequency;
        return new PhaseResult(sorted.Length * (long)OperationsPerSample, seconds, Micro(0.50), Micro(0.95), Micro(0.99), OperationsPerSample);
    }
}

/// <summary>The measured figures of one phase.</summary>
/// <param name="Operations">Operations done.</param>
/// <param name="Seconds">Wall time of the phase.</param>
/// <param name="P50Micros">Median latency of a sample, microseconds.</param>
/// <param name="P95Micros">95th percentile, microseconds.</param>
/// <param name="P99Micros">99th percentile, microseconds.</param>
/// <param name="OperationsPerSample">Operations per timed sample (the batch size for batched puts).</param>
internal sealed record PhaseResult(long Operations, double Seconds, double P50Micros, double P95Micros, double P99Micros, int OperationsPerSample)
{
    public double OperationsPerSecond => Seconds > 0 ? Operations / Seconds : 0;

    public void Write(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("operations", Operations);
        writer.WriteNumber("seconds", Math.Round(Seconds, 4));
        writer.WriteNumber("ops_per_sec", Math.Round(OperationsPerSecond, 1));
        writer.WriteNumber("p50_us", Math.Round(P50Micros, 2));
        writer.WriteNumber("p95_us", Math.Round(P95Micros, 2));
        writer.WriteNumber("p99_us", Math.Round(P99Micros, 2));
        writer.WriteNumber("ops_per_latency_sample", OperationsPerSample);
        writer.WriteEndObject();
    }
}
