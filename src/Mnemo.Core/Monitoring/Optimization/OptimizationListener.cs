using System.Diagnostics;
using System.Text.Json;
using Mnemo.Core.Coordination;

namespace Mnemo.Core.Monitoring.Optimization;

/// <summary>
/// Answers swarm optimisation requests for one engine's process: follows the change feed under
/// <see cref="MnemoEngine.OptimizationTopic"/>, runs the process-local strategies each request names
/// (<see cref="OptimizationStrategy.ProcessLocal"/>; others are ignored, the requester runs them on the store) and posts
/// its report back. Started by <see cref="MnemoEngine.StartOptimizationListener"/>.
/// </summary>
/// <remarks>
/// A failure to read the feed or to run a strategy never ends the host: the listener waits a poll interval and goes on.
/// </remarks>
internal sealed class OptimizationListener : IAsyncDisposable
{
    private const int PageSize = 100;
    private static readonly TimeSpan s_minimumPause = TimeSpan.FromMilliseconds(250);

    private readonly MnemoEngine _engine;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OptimizationListener(MnemoEngine engine)
    {
        _engine = engine;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Requests answered so far.</summary>
    public int Answered { get; private set; }

    /// <summary>Starts a listener; requests posted from the moment the feed's head is read on are answered.</summary>
    public static OptimizationListener Start(MnemoEngine engine) => new(engine);

    /// <summary>Completes once the listener has read where the feed stands, so that every later request reaches it.</summary>
    public Task Ready => _ready.Task;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        long after;
        while (true)
        {
            try
            {
                after = await _engine.GetFeedHeadAsync(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not ObjectDisposedException)
            {
                await PauseAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        _ready.TrySetResult();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var page = await _engine.ReadFeedAsync(after, MnemoEngine.OptimizationTopic, PageSize, cancellationToken).ConfigureAwait(false);
                foreach (var feedEvent in page)
                {
                    after = feedEvent.Sequence;
                    if (feedEvent.Type == FeedEventType.OptimizeRequested)
                    {
                        await AnswerAsync(feedEvent, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (page.Count == PageSize)
                {
                    continue;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not ObjectDisposedException)
            {
                // The store was busy or failed for a moment: read again from the last event seen.
            }

            await PauseAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AnswerAsync(FeedEvent request, CancellationToken cancellationToken)
    {
        if (request.Detail is not { ValueKind: JsonValueKind.Object } detail
            || Text(detail, "id") is not { } id
            || Text(detail, "requester") == _engine.InstanceId)
        {
            return;
        }

        var dryRun = detail.TryGetProperty("dry_run", out var dry) && dry.ValueKind == JsonValueKind.True;
        var asked = (Text(detail, "strategies") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var strategies = OptimizationStrategy.ProcessLocal.Where(asked.Contains).ToList();
        var at = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var results = await _engine.RunStrategiesAsync(strategies, dryRun, cancellationToken).ConfigureAwait(false);
        var report = new OptimizationReport(Environment.MachineName, Environment.ProcessId, at, dryRun, results, Stopwatch.GetElapsedTime(started))
        {
            RequestId = id,
        };
        await _engine.PostOptimizationReportAsync(id, report, cancellationToken).ConfigureAwait(false);
        Answered++;
    }

    // Slower than a watch's poll: a request waits seconds for its answers, and an idle host should not read the feed
    // twenty times a second for requests that come rarely.
    private Task PauseAsync(CancellationToken cancellationToken) =>
        Task.Delay(_engine.Options.FeedPollInterval > s_minimumPause ? _engine.Options.FeedPollInterval : s_minimumPause, _engine.Options.TimeProvider, cancellationToken);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
