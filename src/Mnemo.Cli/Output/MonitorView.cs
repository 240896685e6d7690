using System.Globalization;
using Mnemo.Core.Messages;
using Mnemo.Core.Monitoring;
using Mnemo.Core.Monitoring.Trends;
using Mnemo.Core.Storage;
using Mnemo.Core.Time;

namespace Mnemo.Cli.Output;

/// <summary>One table of <c>mnemo monitor</c>'s text: a title, column headers and rows, or a line saying why it is empty.</summary>
internal sealed record MonitorSection(string Title, string[] Headers, IReadOnlyList<string[]> Rows, string Empty);

/// <summary>
/// What one refresh of <c>mnemo monitor</c> shows, as text cells: the same for the live terminal view and the plain
/// output of <c>--once</c> or a pipe. Built from Core's <see cref="MonitorReport"/>; nothing here measures.
/// </summary>
internal sealed record MonitorView(string Title, IReadOnlyList<MonitorSection> Sections, IReadOnlyList<string> Notes)
{
    private const string Bars = "▁▂▃▄▅▆▇█";
    private const int SparkWidth = 16;

    public static MonitorView From(MonitorReport report)
    {
        var store = report.Measured.Store;
        var self = report.Measured.Process;
        var title = $"mnemo monitor  {Timestamps.Format(report.At)}  {store.Location}";
        var files = new MonitorSection($"files ({HumanText.Bytes(store.Files.Sum(f => f.Bytes))})", ["file", "size", "kind"],
            [.. store.Files.Select(f => new[] { FileName(store.Location, f.Path), HumanText.Bytes(f.Bytes), KindName(f.Kind) })], "no files yet");
        var namespaces = new MonitorSection($"namespace prefixes (depth {store.PrefixDepth})", ["prefix", "entries", "bytes", "history versions"],
            [.. store.Namespaces.Select(n => new[] { n.Prefix.Length == 0 ? "(no namespace)" : n.Prefix, Count(n.Entries), HumanText.Bytes(n.Bytes), Count(n.HistoryVersions) })],
            "no entries");
        var processes = new MonitorSection(
            $"processes that sampled in the last {Span(report.Window)} ({Counted.Of(report.Processes.Count, "process", "processes")})",
            ["host", "pid", "agent", "last seen", "working set", "gc heap", "alloc/s", "heap over the window", "trend"],
            [.. report.Processes.Select(p => Row(p, report.At))],
            "none: a process shows here once it samples (mnemo mcp and the daemon do every 15s; MNEMO_METRICS_INTERVAL)");
        var optimizations = new MonitorSection(
            $"swarm optimisations reported in the last {Span(report.Window)}", ["at", "host", "pid", "request", "freed", "strategies"],
            [.. report.Optimizations.Select(o => new[]
            {
                Timestamps.Format(o.At), o.Host, o.ProcessId.ToString(CultureInfo.InvariantCulture), o.RequestId ?? "", HumanText.Bytes(o.FreedBytes),
                string.Join(", ", o.Results.Select(r => r.Strategy)),
            })],
            "none (mnemo optimize --swarm asks every long-running process)");
        var index = store.VectorIndex is { } v
            ? $"vector index: {v.Model}, {Count(v.Entries)} entries, {Count(v.Deleted)} deleted, {HumanText.Bytes(v.MemoryBytes)} in this process"
            : "vector index: not loaded by this process";
        var notes = new List<string>
        {
            index,
            $"metrics history: {Counted.Of(store.MetricSamples, "sample", "samples")} kept",
            $"this monitor (pid {self.ProcessId}): working set {HumanText.Bytes(self.WorkingSetBytes)}, gc heap {Heap(self)}",
        };
        return new MonitorView(title, [files, namespaces, processes, optimizations], notes);
    }

    /// <summary>Writes the view as plain text (no colours, no cursor movement): for <c>--once</c> and pipes.</summary>
    public void WriteTo(TextWriter output)
    {
        output.WriteLine(Title);
        foreach (var section in Sections)
        {
            output.WriteLine();
            output.WriteLine(section.Title);
            if (section.Rows.Count == 0)
            {
                output.WriteLine($"  {section.Empty}");
                continue;
            }

            var table = new TextTable(section.Headers);
            foreach (var row in section.Rows)
            {
                table.Add(row);
            }

            table.WriteTo(output);
        }

        output.WriteLine();
        foreach (var note in Notes)
        {
            output.WriteLine(note);
        }
    }

    private static string[] Row(MonitoredProcess p, DateTimeOffset now) =>
    [
        p.Host,
        p.ProcessId.ToString(CultureInfo.InvariantCulture) + (p.IsCurrentProcess ? " (this)" : ""),
        p.Agent ?? "-",
        $"{Span(now - p.LastSeen)} ago{(p.IsRunning == false ? " (exited)" : "")}",
        HumanText.Bytes(p.Latest.WorkingSetBytes),
        Heap(p.Latest),
        p.Latest.AllocationRateBytesPerSecond is { } rate ? HumanText.Bytes((long)rate) : "-",
        Sparkline(p.Heap),
        Trend(p),
    ];

    /// <summary>The heap after the last collection, or that there was none yet (its size would read 0).</summary>
    private static string Heap(ProcessMemorySnapshot process) =>
        process.GcIndex == 0 ? "no GC yet" : HumanText.Bytes(process.HeapSizeBytes);

    /// <summary>The verdict in a few words: how many samples are missing, or the status with its rate and p-value.</summary>
    private static string Trend(MonitoredProcess p)
    {
        var t = p.HeapTrend;
        var rate = t.Rate is { } r ? $"{(r >= 0 ? "+" : "-")}{HumanText.Bytes((long)Math.Abs(r))}/{Unit(t.RateUnit)}" : "";
        var pValue = t.PValue is { } value ? value.ToString("0.###", CultureInfo.InvariantCulture) : "";
        return t.Status switch
        {
            LeakStatus.InsufficientData => $"{Counted.Of(t.AvailableSamples, "sample", "samples")}, need {p.SamplesNeeded}",
            LeakStatus.NoRise => $"no rise ({rate}, p={pValue})",
            LeakStatus.SlowRise => $"slow rise {rate} (p={pValue})",
            _ => $"LEAK {rate} (p={pValue})",
        };
    }

    /// <summary>The heap's latest values as bars from its lowest (▁) to its highest (█) in the window.</summary>
    private static string Sparkline(IReadOnlyList<TrendSample> heap)
    {
        var values = heap.Skip(Math.Max(0, heap.Count - SparkWidth)).Select(s => s.Value).ToList();
        if (values.Count == 0)
        {
            return "-";
        }

        var (low, high) = (values.Min(), values.Max());
        var span = high - low;
        var bars = values.Select(v => Bars[span <= 0 ? 0 : (int)Math.Round((v - low) / span * (Bars.Length - 1))]).ToArray();
        return $"{new string(bars)} {HumanText.Bytes((long)low)}..{HumanText.Bytes((long)high)}";
    }

    private static string Unit(TimeSpan unit) =>
        unit == TimeSpan.FromMinutes(1) ? "min" : unit == TimeSpan.FromSeconds(1) ? "s" : unit == TimeSpan.FromHours(1) ? "h" : Span(unit);

    private static string Span(TimeSpan span) => span switch
    {
        { TotalSeconds: < 120 } => $"{Math.Max(0, (int)span.TotalSeconds)}s",
        { TotalMinutes: < 120 } => $"{(int)span.TotalMinutes}m",
        { TotalHours: < 48 } => $"{(int)span.TotalHours}h",
        _ => $"{(int)span.TotalDays}d",
    };

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string FileName(string location, string path) =>
        Path.GetDirectoryName(path) == Path.GetDirectoryName(location) ? Path.GetFileName(path) : path;

    private static string KindName(StoreFileKind kind) => kind switch
    {
        StoreFileKind.Database => "database",
        StoreFileKind.WriteAheadLog => "write-ahead log",
        StoreFileKind.SharedMemory => "write-ahead log index",
        StoreFileKind.RollbackJournal => "rollback journal",
        StoreFileKind.VectorIndex => "vector index",
        _ => kind.ToString(),
    };
}
