using System.Diagnostics;
using System.Text.Json;
using Mnemo.Core.Monitoring;
using Mnemo.Core.Monitoring.Trends;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>
    /// The processes using the store: every process with a sample in the metrics history taken within
    /// <paramref name="window"/> before now, with its latest figures and the trend of its post-GC heap over the window.
    /// </summary>
    /// <remarks>
    /// A process is a host and a process id; several engines in one process (or views of one) make one process, its
    /// agent that of its latest sample. A process that stopped sampling drops out once its latest sample is older than
    /// the window. Samples another program wrote in a shape this Mnemo cannot read are skipped.
    /// </remarks>
    /// <param name="window">How far back to look, positive: a few sampling intervals at least.</param>
    /// <param name="leakOptions">How the heap's trend is judged; null for <see cref="LeakDetectorOptions"/>' defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The processes, the most recently seen first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="leakOptions"/> has an option out of range.</exception>
    public async Task<IReadOnlyList<MonitoredProcess>> GetProcessesAsync(
        TimeSpan window, LeakDetectorOptions? leakOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var detector = new LeakDetector(leakOptions);
        ThrowIfDisposed();
        var samples = await GetMetricSamplesAsync(Now() - window, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. samples
            .GroupBy(sample => (sample.Host, sample.ProcessId))
            .Select(group => Describe(group.Key.Host, group.Key.ProcessId, group, detector))
            .OfType<MonitoredProcess>()
            .OrderByDescending(process => process.LastSeen)
            .ThenBy(process => process.Host, StringComparer.Ordinal)
            .ThenBy(process => process.ProcessId)];
    }

    /// <summary>
    /// One refresh of a monitor: measures this process and the store now (<see cref="GetMetricsAsync"/>, prefixes of
    /// depth <paramref name="prefixDepth"/>) and lists the processes that sampled within <paramref name="window"/>
    /// (<see cref="GetProcessesAsync"/>). Reads only: the monitor adds no sample of its own.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is not positive or <paramref name="prefixDepth"/> is below 1.</exception>
    public async Task<MonitorReport> GetMonitorReportAsync(TimeSpan window, int prefixDepth = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var processes = await GetProcessesAsync(window, cancellationToken: cancellationToken).ConfigureAwait(false);
        var measured = await GetMetricsAsync(prefixDepth, cancellationToken).ConfigureAwait(false);
        var now = Now();
        var optimizations = await GetRecentOptimizationReportsAsync(now - window, cancellationToken).ConfigureAwait(false);
        return new MonitorReport(now, window, measured, processes) { Optimizations = optimizations };
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            // No process has that id now.
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A process from its samples (oldest first), or null when none of them can be read.</summary>
    private static MonitoredProcess? Describe(string host, int processId, IEnumerable<MetricSample> samples, LeakDetector detector)
    {
        // One value per instant: two engines of one process may sample at the same moment, and a trend needs an order.
        var readable = new SortedList<DateTimeOffset, (MetricSample Sample, ProcessMemorySnapshot Process)>();
        foreach (var sample in samples)
        {
            try
            {
                readable[sample.At] = (sample, sample.ReadSnapshot().Process);
            }
            catch (JsonException)
            {
                // Written by another program: not this process's figures to show.
            }
            catch (FormatException)
            {
            }
        }

        if (readable.Count == 0)
        {
            return null;
        }

        var (latestSample, latest) = readable.Values[^1];
        List<TrendSample> heap = [.. readable.Select(pair => new TrendSample(pair.Key, pair.Value.Process.HeapSizeBytes))];
        return new MonitoredProcess
        {
            Host = host,
            ProcessId = processId,
            Agent = latestSample.Agent,
            IsCurrentProcess = processId == Environment.ProcessId && host == Environment.MachineName,
            IsRunning = host == Environment.MachineName ? IsRunning(processId) : null,
            FirstSeen = readable.Keys[0],
            LastSeen = latestSample.At,
            Samples = readable.Count,
            Latest = latest,
            Heap = heap,
            HeapTrend = detector.Evaluate(heap),
            SamplesNeeded = detector.Options.MinimumSamples,
        };
    }
}
