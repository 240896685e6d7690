namespace Mnemo.Benchmarks.Locks;

/// <summary>What <c>mnemo bench locks</c> runs.</summary>
/// <param name="Agents">Worker processes contending for the lock.</param>
/// <param name="Iterations">Lock cycles per worker; null when the run is timed by <paramref name="Duration"/>.</param>
/// <param name="Duration">How long each worker runs cycles; null when the run counts <paramref name="Iterations"/>.</param>
/// <param name="Lease">The lease of each acquire (held for one read and one write, so only a crash lets it run out).</param>
/// <param name="Directory">The scratch directory holding the database.</param>
internal sealed record LockBenchmarkOptions(int Agents, int? Iterations, TimeSpan? Duration, TimeSpan Lease, string Directory)
{
    /// <summary>The one exclusive lock every worker contends for.</summary>
    public const string Resource = "bench/locks/counter";

    /// <summary>The entry every holder increments under the lock (the lock's own key).</summary>
    public const string CounterKey = Resource;

    /// <summary>How long a worker waits for the lock before giving up: far above any fair wait, so a timeout means a fault.</summary>
    public static readonly TimeSpan AcquireTimeout = TimeSpan.FromSeconds(60);
}
