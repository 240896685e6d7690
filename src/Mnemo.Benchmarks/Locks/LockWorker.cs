using System.Diagnostics;
using System.Globalization;
using Mnemo.Core;
using Mnemo.Core.Coordination;

namespace Mnemo.Benchmarks.Locks;

/// <summary>
/// The loop of one worker process of <c>mnemo bench locks</c>: acquire the exclusive lock, read the counter, write it
/// plus one with the lock's fencing token, release; timing the acquire and the release.
/// </summary>
/// <remarks>
/// A read-modify-write is exactly what a lock must protect: if two workers ever held the lock at once, both would read
/// the same value and one increment would be lost, so the final counter would fall short of the number of acquires.
/// </remarks>
internal static class LockWorker
{
    /// <summary>The line a worker prints once its engine is open, and the line it then waits for.</summary>
    public const string ReadyLine = "ready";

    /// <summary>The line the parent sends when every worker is ready, so that all start contending together.</summary>
    public const string GoLine = "go";

    /// <summary>Runs the loop and returns what it measured.</summary>
    public static async Task<LockWorkerReport> RunAsync(
        MnemoEngine engine, LockBenchmarkOptions options, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        // Opening the engine and the first read cost more than a cycle; they happen before the start signal.
        await engine.GetAsync(LockBenchmarkOptions.CounterKey, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(ReadyLine).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        var signal = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (signal != GoLine)
        {
            throw new InvalidOperationException($"expected '{GoLine}' on standard input, got '{signal ?? "<end of input>"}'");
        }

        var acquireMs = new List<double>();
        var releaseMs = new List<double>();
        var started = Stopwatch.GetTimestamp();
        while (options.Iterations is { } iterations ? acquireMs.Count < iterations : Stopwatch.GetElapsedTime(started) < options.Duration)
        {
            var before = Stopwatch.GetTimestamp();
            var lease = await engine.AcquireLockAsync(
                LockBenchmarkOptions.Resource, LockMode.Exclusive, isPrefix: false, options.Lease, LockBenchmarkOptions.AcquireTimeout, cancellationToken)
                .ConfigureAwait(false);
            acquireMs.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);

            var current = await engine.GetAsync(LockBenchmarkOptions.CounterKey, cancellationToken).ConfigureAwait(false);
            var value = current is null ? 0 : long.Parse(current.Text, CultureInfo.InvariantCulture);
            await engine.StoreAsync(new MemoryWrite
            {
                Key = LockBenchmarkOptions.CounterKey,
                Text = (value + 1).ToString(CultureInfo.InvariantCulture),
                FencingToken = lease.Token,
            }, cancellationToken).ConfigureAwait(false);

            before = Stopwatch.GetTimestamp();
            await engine.ReleaseLockAsync(lease.Token, cancellationToken).ConfigureAwait(false);
            releaseMs.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new LockWorkerReport(engine.Options.Agent ?? "", acquireMs.Count, seconds, acquireMs, releaseMs);
    }
}
