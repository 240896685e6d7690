using System.Diagnostics;
using System.Text.Json;
using Mnemo.Core.Coordination;
using Mnemo.Core.Monitoring.Optimization;

namespace Mnemo.Core;

// Swarm optimisation through the change feed: a request is an optimize_requested event under OptimizationTopic; every
// listening process (OptimizationListener) runs the process-local strategies it names and answers with an
// optimize_reported event under the same key, whose detail holds its report.
public sealed partial class MnemoEngine
{
    /// <summary>The key prefix of optimisation requests and reports in the change feed.</summary>
    internal const string OptimizationTopic = "system/optimize/";

    // How many of the feed's latest changes a monitor looks through for optimisation reports.
    private const long RecentFeedSpan = 10_000;

    // The engine's identity in swarm requests, so that a listener never answers its own engine's request (the
    // requester runs the strategies itself); a process may hold several engines, so the process id would not do.
    private readonly string _instanceId = Guid.NewGuid().ToString("N");

    /// <summary>The owner engine's identity in swarm optimisation requests.</summary>
    internal string InstanceId => _owner._instanceId;

    private async Task<long> PostOptimizationRequestAsync(string requestId, IReadOnlyList<string> strategies, bool dryRun, CancellationToken cancellationToken)
    {
        var detail = EventDetail.Of(
            ("id", requestId), ("strategies", string.Join(",", strategies)), ("dry_run", dryRun), ("requester", InstanceId),
            ("host", Environment.MachineName), ("pid", Environment.ProcessId));
        return await _store.AppendEventAsync(FeedEventType.OptimizeRequested, OptimizationTopic + requestId, Agent, detail, Now(), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Posts a listener's report for a request.</summary>
    internal async Task PostOptimizationReportAsync(string requestId, OptimizationReport report, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(OptimizationReportJson.Write(report));
        var detail = EventDetail.Of(("id", requestId), ("report", document.RootElement));
        await _store.AppendEventAsync(FeedEventType.OptimizeReported, OptimizationTopic + requestId, Agent, detail, Now(), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The swarm optimisation reports posted at or after <paramref name="since"/>, the newest first, looked for among the
    /// latest <see cref="RecentFeedSpan"/> changes of the feed only, so that a monitor's refresh costs the same on any store.
    /// </summary>
    internal async Task<IReadOnlyList<OptimizationReport>> GetRecentOptimizationReportsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var head = await _store.GetFeedHeadAsync(cancellationToken).ConfigureAwait(false);
        var reports = new List<OptimizationReport>();
        var after = Math.Max(0, head - RecentFeedSpan);
        while (true)
        {
            var page = await _store.ReadFeedAsync(after, OptimizationTopic, FeedPage, cancellationToken).ConfigureAwait(false);
            foreach (var feedEvent in page)
            {
                after = feedEvent.Sequence;
                if (feedEvent.Type == FeedEventType.OptimizeReported && feedEvent.At >= since
                    && feedEvent.Detail is { ValueKind: JsonValueKind.Object } detail && detail.TryGetProperty("report", out var report))
                {
                    try
                    {
                        reports.Add(OptimizationReportJson.Read(report));
                    }
                    catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
                    {
                        // A report this version cannot read is left out.
                    }
                }
            }

            if (page.Count < FeedPage)
            {
                reports.Reverse();
                return reports;
            }
        }
    }

    /// <summary>Reads the reports posted for a request after it, until the timeout or until <paramref name="expected"/> arrived.</summary>
    private async Task<IReadOnlyList<OptimizationReport>> GatherOptimizationReportsAsync(
        string requestId, long afterSequence, TimeSpan timeout, int? expected, CancellationToken cancellationToken)
    {
        var reports = new List<OptimizationReport>();
        var key = OptimizationTopic + requestId;
        var started = Stopwatch.GetTimestamp();
        var after = afterSequence;
        while (true)
        {
            foreach (var feedEvent in await _store.ReadFeedAsync(after, key, FeedPage, cancellationToken).ConfigureAwait(false))
            {
                after = feedEvent.Sequence;
                if (feedEvent.Type == FeedEventType.OptimizeReported && feedEvent.Key == key
                    && feedEvent.Detail is { ValueKind: JsonValueKind.Object } detail && detail.TryGetProperty("report", out var report))
                {
                    try
                    {
                        reports.Add(OptimizationReportJson.Read(report));
                    }
                    catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
                    {
                        // A report this version cannot read is left out rather than failing the whole request.
                    }
                }
            }

            var left = timeout - Stopwatch.GetElapsedTime(started);
            if ((expected is { } count && reports.Count >= count) || left <= TimeSpan.Zero)
            {
                return reports;
            }

            var pause = _options.FeedPollInterval < left ? _options.FeedPollInterval : left;
            await Task.Delay(pause, _clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
