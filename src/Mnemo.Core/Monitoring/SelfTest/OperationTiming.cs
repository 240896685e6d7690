namespace Mnemo.Core.Monitoring.SelfTest;

/// <summary>The latencies of one kind of operation, measured one call at a time.</summary>
/// <param name="Operation">The operation, e.g. "store" or "search (vector)".</param>
/// <param name="Count">Calls measured.</param>
/// <param name="P50Milliseconds">The median latency.</param>
/// <param name="P95Milliseconds">The 95th percentile latency (nearest rank).</param>
/// <param name="MaxMilliseconds">The slowest call.</param>
/// <param name="PerSecond">Calls per second over the calls' total time.</param>
public sealed record OperationTiming(string Operation, int Count, double P50Milliseconds, double P95Milliseconds, double MaxMilliseconds, double PerSecond)
{
    /// <summary>The timing of <paramref name="milliseconds"/>, one latency per call.</summary>
    internal static OperationTiming Of(string operation, IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double Rank(double q) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        var total = sorted.Sum();
        return new OperationTiming(operation, sorted.Length, Rank(0.5), Rank(0.95), sorted.Length == 0 ? 0 : sorted[^1],
            total > 0 ? sorted.Length / (total / 1000) : 0);
    }
}
