using System.Buffers;
using System.Text;
using System.Text.Json;
using Mnemo.Core.Monitoring.Trends;
using Mnemo.Core.Time;
using Mnemo.Core.Transfer;

namespace Mnemo.Core.Monitoring;

/// <summary>
/// The JSON of a <see cref="MonitorReport"/>, one object per refresh of <c>mnemo monitor --json</c> (one line each):
/// <c>at</c>, <c>window_seconds</c>, <c>measured</c> (this process's snapshot, as <see cref="MetricsSnapshotJson"/>
/// writes it) and <c>processes</c>.
/// </summary>
/// <remarks>
/// Each process has <c>host</c>, <c>pid</c>, <c>agent</c>, <c>current</c> (the monitor's own process), <c>running</c> (null on another host), <c>first_seen</c>,
/// <c>last_seen</c>, <c>samples</c>, its latest <c>working_set</c>, <c>heap_size</c> (after the last collection), <c>gc_index</c> (0: no collection yet), <c>rss</c>,
/// <c>allocation_rate</c> (bytes per second, null for a first sample), <c>heap_min</c> and <c>heap_max</c> over the
/// window, and <c>heap_trend</c>: <c>status</c> (<c>insufficient_data</c>, <c>no_rise</c>, <c>slow_rise</c>,
/// <c>leak</c>), <c>samples</c>, <c>needed</c>, <c>p_value</c> and <c>rate_per_minute</c> (Sen's slope, bytes per
/// minute, with <c>rate_lower</c> and <c>rate_upper</c>; null without a test) and <c>summary</c>. Sizes are bytes.
/// </remarks>
public static class MonitorReportJson
{
    /// <summary>The report as one line of JSON.</summary>
    public static string Write(MonitorReport report)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, ReadableJson.Compact))
        {
            Write(writer, report);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the report as one JSON object.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="report">The report.</param>
    public static void Write(Utf8JsonWriter writer, MonitorReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("at", Timestamps.Format(report.At));
        writer.WriteNumber("window_seconds", report.Window.TotalSeconds);
        writer.WritePropertyName("measured");
        MetricsSnapshotJson.Write(writer, report.Measured);
        writer.WriteStartArray("processes");
        foreach (var process in report.Processes)
        {
            WriteProcess(writer, process);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("optimizations");
        foreach (var optimization in report.Optimizations)
        {
            Optimization.OptimizationReportJson.Write(writer, optimization);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The JSON name of a leak status.</summary>
    public static string StatusName(LeakStatus status) => status switch
    {
        LeakStatus.NoRise => "no_rise",
        LeakStatus.SlowRise => "slow_rise",
        LeakStatus.Leak => "leak",
        _ => "insufficient_data",
    };

    private static void WriteProcess(Utf8JsonWriter writer, MonitoredProcess p)
    {
        writer.WriteStartObject();
        writer.WriteString("host", p.Host);
        writer.WriteNumber("pid", p.ProcessId);
        writer.WriteString("agent", p.Agent);
        writer.WriteBoolean("current", p.IsCurrentProcess);
        if (p.IsRunning is { } running)
        {
            writer.WriteBoolean("running", running);
        }
        else
        {
            writer.WriteNull("running");
        }

        writer.WriteString("first_seen", Timestamps.Format(p.FirstSeen));
        writer.WriteString("last_seen", Timestamps.Format(p.LastSeen));
        writer.WriteNumber("samples", p.Samples);
        writer.WriteNumber("working_set", p.Latest.WorkingSetBytes);
        writer.WriteNumber("heap_size", p.Latest.HeapSizeBytes);
        writer.WriteNumber("gc_index", p.Latest.GcIndex);
        Number(writer, "rss", p.Latest.ResidentBytes);
        Number(writer, "allocation_rate", p.Latest.AllocationRateBytesPerSecond);
        Number(writer, "heap_min", p.Heap.Count == 0 ? null : p.Heap.Min(s => s.Value));
        Number(writer, "heap_max", p.Heap.Count == 0 ? null : p.Heap.Max(s => s.Value));
        var trend = p.HeapTrend;
        writer.WriteStartObject("heap_trend");
        writer.WriteString("status", StatusName(trend.Status));
        writer.WriteNumber("samples", trend.AvailableSamples);
        writer.WriteNumber("needed", p.SamplesNeeded);
        Number(writer, "p_value", trend.PValue);
        Number(writer, "rate_per_minute", PerMinute(trend, trend.Rate));
        Number(writer, "rate_lower", PerMinute(trend, trend.RateLower));
        Number(writer, "rate_upper", PerMinute(trend, trend.RateUpper));
        writer.WriteString("summary", trend.Summary);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static double? PerMinute(LeakVerdict trend, double? perUnit) =>
        perUnit is { } rate ? rate * (TimeSpan.FromMinutes(1) / trend.RateUnit) : null;

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
