using System.Diagnostics;
using Mnemo.Core.Coordination;
using Mnemo.Core.Monitoring;
using Mnemo.Core.Monitoring.Optimization;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>
    /// Runs optimisation strategies (<see cref="OptimizationStrategy"/>) on the store and this process, each measuring the
    /// bytes it concerns before and after; with <see cref="OptimizationRequest.DryRun"/>, only measures and says what each
    /// would do. With <see cref="OptimizationRequest.Swarm"/>, also asks the other processes using the store to run the
    /// process-local strategies on themselves and gathers their reports.
    /// </summary>
    /// <remarks>
    /// Store strategies need the admin right on the whole store and are skipped on a read-only store. They are safe while
    /// other processes read and write: each takes the store's write lock as a write does (other writers wait up to their
    /// busy timeout), and readers go on with the state they started from.
    /// </remarks>
    /// <exception cref="ArgumentException">A strategy name is unknown (the message lists the known ones), a swarm timeout is negative or the cold age not positive.</exception>
    public async Task<OptimizationReport> OptimizeAsync(OptimizationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var strategies = OptimizationStrategy.Resolve(request.Strategies);
        if (request.SwarmTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.SwarmTimeout, "the swarm timeout is negative: give a duration such as 5s");
        }

        if (request.ColdAfter <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.ColdAfter, "the cold age is not positive: give how long unread entries stay warm, such as 90 days");
        }

        ThrowIfDisposed();
        if (strategies.Any(strategy => !OptimizationStrategy.ProcessLocal.Contains(strategy)))
        {
            await DemandAsync("", AccessRight.Admin, cancellationToken).ConfigureAwait(false);
        }

        var at = _clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        string? requestId = null;
        long requestSequence = 0;
        var local = strategies.Where(OptimizationStrategy.ProcessLocal.Contains).ToList();
        if (request.Swarm && local.Count > 0)
        {
            // Posted first, so that the other processes work while this one does.
            requestId = Guid.NewGuid().ToString("N");
            requestSequence = await PostOptimizationRequestAsync(requestId, local, request.DryRun, cancellationToken).ConfigureAwait(false);
        }

        var results = await RunStrategiesAsync(strategies, request.DryRun, cancellationToken, request.ColdAfter).ConfigureAwait(false);
        foreach (var result in results.Where(r => r.Outcome != OptimizationOutcome.DryRun))
        {
            _log.Record(EngineLogLevel.Information, "optimize", $"{result.Strategy}: {result.Summary}");
        }

        var report = new OptimizationReport(Environment.MachineName, Environment.ProcessId, at, request.DryRun, results, Stopwatch.GetElapsedTime(started))
        {
            RequestId = requestId,
        };
        if (requestId is null)
        {
            return report;
        }

        var waitStarted = Stopwatch.GetTimestamp();
        var peers = await GatherOptimizationReportsAsync(requestId, requestSequence, request.SwarmTimeout, request.ExpectedPeers, cancellationToken)
            .ConfigureAwait(false);
        return report with { Peers = peers, PeersWaited = Stopwatch.GetElapsedTime(waitStarted) };
    }

    /// <summary>
    /// Starts listening for swarm optimisation requests (<see cref="OptimizationRequest.Swarm"/>) on the change feed:
    /// each request another engine posts makes this process run the requested process-local strategies
    /// (<see cref="OptimizationStrategy.ProcessLocal"/>) on itself and post its report back. Long-running hosts
    /// (<c>mnemo mcp</c>, the daemon, a library host) start it once; disposing it stops listening.
    /// </summary>
    /// <remarks>Requests posted before the listener started are not answered. A failing run is reported as skipped, never thrown.</remarks>
    public IAsyncDisposable StartOptimizationListener()
    {
        ThrowIfDisposed();
        return OptimizationListener.Start(this);
    }

    /// <summary>Runs the strategies in order, each measured on its own; a strategy that cannot run here is skipped with its reason.</summary>
    internal async Task<IReadOnlyList<OptimizationResult>> RunStrategiesAsync(
        IReadOnlyList<string> strategies, bool dryRun, CancellationToken cancellationToken, TimeSpan? coldAfter = null)
    {
        var results = new List<OptimizationResult>(strategies.Count);
        foreach (var strategy in strategies)
        {
            var started = Stopwatch.GetTimestamp();
            var result = strategy switch
            {
                OptimizationStrategy.PurgeExpired => await PurgeExpiredAsync(dryRun, cancellationToken).ConfigureAwait(false),
                OptimizationStrategy.ArchiveCold => await ArchiveColdAsync(dryRun, coldAfter ?? TimeSpan.FromDays(90), cancellationToken).ConfigureAwait(false),
                OptimizationStrategy.CompactIndex => await CompactIndexAsync(dryRun, cancellationToken).ConfigureAwait(false),
                OptimizationStrategy.QuantizeIndex => await QuantizeIndexAsync(dryRun, cancellationToken).ConfigureAwait(false),
                OptimizationStrategy.Vacuum => await VacuumAsync(dryRun, cancellationToken).ConfigureAwait(false),
                OptimizationStrategy.CheckpointWal => await CheckpointWalAsync(dryRun, cancellationToken).ConfigureAwait(false),
                OptimizationStrategy.EvictCaches => await EvictCachesAsync(dryRun, cancellationToken).ConfigureAwait(false),
                _ => CompactHeap(dryRun),
            };
            results.Add(result with { Elapsed = Stopwatch.GetElapsedTime(started) });
        }

        return results;
    }
}
