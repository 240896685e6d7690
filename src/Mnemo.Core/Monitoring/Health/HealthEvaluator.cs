using System.Globalization;
using Mnemo.Core.Coordination;
using Mnemo.Core.Monitoring.Trends;
using Mnemo.Core.Storage;

namespace Mnemo.Core.Monitoring.Health;

/// <summary>
/// Builds a <see cref="HealthReport"/> from a measurement taken now and the store's metrics history: a pure function,
/// so that tests give it the samples they mean to test.
/// </summary>
internal static class HealthEvaluator
{
    /// <summary>How recent another process's latest sample must be to count for <see cref="HealthInput.ProcessMemory"/>:
    /// an older one may belong to a process that has exited.</summary>
    internal static readonly TimeSpan RecentProcessWindow = TimeSpan.FromMinutes(15);

    /// <summary>How far ahead forecasts look.</summary>
    internal static readonly TimeSpan Horizon = TimeSpan.FromHours(1);

    /// <summary>The most processes whose heap is judged for a leak: those with the most samples.</summary>
    internal const int MaxHeapProcesses = 3;

    /// <summary>The latest samples of a series over which past forecasts are replayed (each replay refits, so this bounds the cost).</summary>
    internal const int ReplaySamples = 200;

    /// <summary>The samples Sen's slope of the growth input is taken over (the latest ones).</summary>
    internal const int GrowthWindow = 60;

    public static HealthReport Evaluate(
        MetricsSnapshot now, IReadOnlyList<QuotaUsage> quotas, double quotaWarningFraction, IReadOnlyList<MetricSample> history, HealthThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(quotas);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(thresholds);
        thresholds.Validate();

        // A sample another program wrote in a form this one cannot read is left out rather than failing the report.
        var samples = new List<(MetricSample Sample, MetricsSnapshot Snapshot)>(history.Count);
        foreach (var sample in history)
        {
            try
            {
                samples.Add((sample, sample.ReadSnapshot()));
            }
            catch (System.Text.Json.JsonException)
            {
            }
        }

        var content = Series(samples.Select(s => (s.Sample.At, (double)ContentBytes(s.Snapshot.Store))));
        var processes = samples
            .GroupBy(s => (s.Sample.Host, s.Sample.ProcessId))
            .Select(g => g.OrderBy(s => s.Sample.At).ToList())
            .OrderByDescending(g => g.Count).ThenByDescending(g => g[^1].Sample.At).ThenBy(g => g[0].Sample.ProcessId)
            .ToList();

        var w = thresholds.MemoryPressure;
        HealthInput[] inputs =
        [
            MachineInput(now.Process, thresholds),
            ProcessInput(now, processes, thresholds),
            VectorInput(now.Store, thresholds),
            GrowthInput(content, thresholds),
            QuotaInput(quotas, quotaWarningFraction, w),
        ];
        var score = PressureScore.Of(inputs);
        var driver = score > 0 ? inputs.First(input => input.Part == inputs.Max(i => i.Part)).Name : null;

        var contentDetector = new LeakDetector(new LeakDetectorOptions { RateUnit = TimeSpan.FromHours(1), MinimumRate = thresholds.GrowthRate });
        var leaks = new List<HealthLeak> { new("content", null, null, contentDetector.Options.MinimumSamples, contentDetector.Evaluate(content)) };
        var heapDetector = new LeakDetector(new LeakDetectorOptions { RateUnit = TimeSpan.FromHours(1), MinimumRate = thresholds.ProcessMemory / 24.0 });
        var judged = processes.Where(p => p.Count >= heapDetector.Options.MinimumSamples).Take(MaxHeapProcesses).ToList();
        if (judged.Count == 0 && processes.Count > 0)
        {
            judged.Add(processes[0]);
        }

        foreach (var process in judged)
        {
            leaks.Add(new HealthLeak("heap", process[0].Sample.ProcessId, process[0].Sample.Host, heapDetector.Options.MinimumSamples, heapDetector.Evaluate(HeapSeries(process))));
        }

        if (processes.Count == 0)
        {
            leaks.Add(new HealthLeak("heap", now.Process.ProcessId, now.Host, heapDetector.Options.MinimumSamples, heapDetector.Evaluate([])));
        }

        var forecasts = new List<HealthForecast> { Forecast("content", null, content) };
        forecasts.Add(processes.Count > 0
            ? Forecast("heap", processes[0][0].Sample.ProcessId, HeapSeries(processes[0]))
            : Forecast("heap", now.Process.ProcessId, []));

        var status = PressureScore.StatusOf(score, thresholds);
        if (status == HealthStatus.Healthy && leaks.Any(leak => leak.Verdict.IsLeak))
        {
            status = HealthStatus.Warning;
        }

        return new HealthReport
        {
            At = now.Process.At,
            ProcessId = now.Process.ProcessId,
            Score = score,
            Status = status,
            Driver = driver,
            Thresholds = thresholds,
            Inputs = inputs,
            Leaks = leaks,
            Forecasts = forecasts,
            HistorySamples = samples.Count,
        };
    }

    /// <summary>Bytes of the store's current entries (texts, values, metadata, as quotas count them), every namespace.</summary>
    internal static long ContentBytes(StoreMetrics store) => store.Namespaces.Sum(n => n.Bytes);

    /// <summary>The resident memory of a process: <c>VmRSS</c> where <c>/proc</c> gives it, else the working set.</summary>
    internal static long ResidentBytes(ProcessMemorySnapshot process) => process.ResidentBytes ?? process.WorkingSetBytes;

    private static HealthInput MachineInput(ProcessMemorySnapshot p, HealthThresholds t)
    {
        const string Name = HealthInput.MachineMemory;
        if (p.MachineTotalBytes is > 0 and { } total && p.MachineAvailableBytes is { } available)
        {
            var used = (double)(total - available) / total;
            return new(Name, "fraction", used, t.MemoryUsage, PressureScore.Part(used, t.MemoryUsage, t.MemoryPressure),
                Text($"/proc/meminfo: {total - available} of {total} bytes in use (MemTotal - MemAvailable)"));
        }

        if (p.GcAvailableMemoryBytes > 0 && p.MemoryLoadBytes > 0)
        {
            var used = (double)p.MemoryLoadBytes / p.GcAvailableMemoryBytes;
            return new(Name, "fraction", used, t.MemoryUsage, PressureScore.Part(used, t.MemoryUsage, t.MemoryPressure),
                Text($"the GC's memory load at its last collection, {p.MemoryLoadBytes} of {p.GcAvailableMemoryBytes} bytes ({p.ProcUnavailableReason ?? "/proc not read"})"));
        }

        return new(Name, "fraction", null, t.MemoryUsage, 0,
            $"not measured: {p.ProcUnavailableReason ?? "no /proc/meminfo"}, and the GC has not collected yet");
    }

    private static HealthInput ProcessInput(MetricsSnapshot now, List<List<(MetricSample Sample, MetricsSnapshot Snapshot)>> processes, HealthThresholds t)
    {
        var value = ResidentBytes(now.Process);
        var source = Text($"process {now.Process.ProcessId} (this one), measured now ({(now.Process.ResidentBytes is null ? "working set" : "VmRSS")})");
        foreach (var process in processes)
        {
            var (sample, snapshot) = process[^1];
            if ((sample.Host == now.Host && sample.ProcessId == now.Process.ProcessId) || sample.At < now.Process.At - RecentProcessWindow)
            {
                continue;
            }

            var resident = ResidentBytes(snapshot.Process);
            if (resident > value)
            {
                value = resident;
                source = Text($"process {sample.ProcessId} on {sample.Host}{(sample.Agent is null ? "" : $" (agent {sample.Agent})")}, its latest sample at {sample.At:u}");
            }
        }

        return new(HealthInput.ProcessMemory, "bytes", value, t.ProcessMemory, PressureScore.Part(value, t.ProcessMemory, t.MemoryPressure), source);
    }

    private static HealthInput VectorInput(StoreMetrics store, HealthThresholds t)
    {
        var files = store.Files.Where(f => f.Kind == StoreFileKind.VectorIndex).Sum(f => f.Bytes);
        var memory = store.VectorIndex?.MemoryBytes ?? 0;
        var value = Math.Max(files, memory);
        var source = memory > files
            ? Text($"the vector index loaded in this process ({store.VectorIndex!.Entries} vectors, {store.VectorIndex.Deleted} deleted)")
            : files > 0 ? "the vector index files on disk" : "no vector index files and none loaded";
        return new(HealthInput.VectorStore, "bytes", value, t.VectorStoreSize, PressureScore.Part(value, t.VectorStoreSize, t.MemoryPressure), source);
    }

    private static HealthInput GrowthInput(IReadOnlyList<TrendSample> content, HealthThresholds t)
    {
        if (content.Count < MannKendall.MinSamples)
        {
            return new(HealthInput.StoreGrowth, "bytes_per_hour", null, t.GrowthRate, 0,
                Text($"not measured: {content.Count} of the {MannKendall.MinSamples} samples needed in the metrics history (each sample taken adds one)"));
        }

        var window = content.Skip(Math.Max(0, content.Count - GrowthWindow)).ToList();
        var trend = MannKendall.Test(window);
        var perHour = MannKendallResult.SlopePer(trend.SlopePerSecond, TimeSpan.FromHours(1));
        return new(HealthInput.StoreGrowth, "bytes_per_hour", perHour, t.GrowthRate, PressureScore.Part(perHour, t.GrowthRate, t.MemoryPressure),
            Text($"Sen's slope of the store's content bytes over the latest {window.Count} samples ({trend.Start:u} to {trend.End:u})"));
    }

    private static HealthInput QuotaInput(IReadOnlyList<QuotaUsage> quotas, double warningFraction, double warningScore)
    {
        if (quotas.Count == 0)
        {
            return new(HealthInput.Quota, "fraction", 0, warningFraction, 0, "no agent or session holds entries");
        }

        var top = quotas.MaxBy(q => q.Fraction)!;
        return new(HealthInput.Quota, "fraction", top.Fraction, warningFraction, PressureScore.Part(top.Fraction, warningFraction, warningScore), top.Describe());
    }

    private static HealthForecast Forecast(string subject, int? processId, IReadOnlyList<TrendSample> series)
    {
        if (series.Count < LinearForecaster.MinSamples)
        {
            return new(subject, processId, series.Count, LinearForecaster.MinSamples, null, null);
        }

        return new(subject, processId, series.Count, LinearForecaster.MinSamples, LinearForecaster.Predict(series, Horizon), Replay(series));
    }

    /// <summary>
    /// Replays forecasts over the latest samples: before each sample is seen, a forecast of the next hour is made from
    /// the ones before it, and each sample resolves the forecasts whose hour has come (within the median gap between
    /// samples, at least a minute).
    /// </summary>
    private static ForecastAccuracy Replay(IReadOnlyList<TrendSample> series)
    {
        var latest = series.Skip(Math.Max(0, series.Count - ReplaySamples)).ToList();
        var gaps = latest.Zip(latest.Skip(1), (a, b) => b.Time - a.Time).Order().ToList();
        var tolerance = gaps.Count == 0 ? TimeSpan.FromMinutes(1) : TimeSpan.FromTicks(Math.Max(gaps[gaps.Count / 2].Ticks, TimeSpan.TicksPerMinute));
        var tracker = new ForecastAccuracyTracker(tolerance, ReplaySamples);
        for (var i = 0; i < latest.Count; i++)
        {
            tracker.Observe(latest[i]);
            if (i + 1 >= LinearForecaster.MinSamples)
            {
                tracker.Record(LinearForecaster.Predict(latest.GetRange(0, i + 1), Horizon));
            }
        }

        return tracker.Accuracy;
    }

    private static List<TrendSample> HeapSeries(List<(MetricSample Sample, MetricsSnapshot Snapshot)> process) =>
        Series(process.Select(s => (s.Sample.At, (double)s.Snapshot.Process.HeapSizeBytes)));

    /// <summary>A series in time order with one value per instant (two processes may sample at the same millisecond; the later written wins).</summary>
    private static List<TrendSample> Series(IEnumerable<(DateTimeOffset At, double Value)> points)
    {
        var byTime = new SortedDictionary<DateTimeOffset, double>();
        foreach (var (at, value) in points)
        {
            byTime[at] = value;
        }

        return [.. byTime.Select(p => new TrendSample(p.Key, p.Value))];
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
