using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Mnemo.Core.Monitoring.Optimization;

/// <summary>
/// An <see cref="OptimizationReport"/> as JSON: the one shape <c>mnemo optimize --json</c> and the MCP tools print, and
/// the form in which swarm processes report back through the change feed. Written and read by hand (Native AOT).
/// </summary>
/// <remarks>
/// Property names are snake_case, bytes are bytes and times are seconds. Figures not measured (after, in a dry run) are
/// null. A reader ignores properties it does not know.
/// </remarks>
public static class OptimizationReportJson
{
    /// <summary>The report as one line of JSON.</summary>
    public static string Write(OptimizationReport report)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, report);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the report as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, OptimizationReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("host", report.Host);
        writer.WriteNumber("pid", report.ProcessId);
        writer.WriteString("at", report.At);
        writer.WriteBoolean("dry_run", report.DryRun);
        writer.WriteString("request_id", report.RequestId);
        writer.WriteNumber("elapsed_seconds", report.Elapsed.TotalSeconds);
        writer.WriteNumber("freed_bytes", report.FreedBytes);
        writer.WriteStartArray("results");
        foreach (var result in report.Results)
        {
            WriteResult(writer, result);
        }

        writer.WriteEndArray();
        writer.WriteNumber("peers_waited_seconds", report.PeersWaited.TotalSeconds);
        writer.WriteStartArray("peers");
        foreach (var peer in report.Peers)
        {
            Write(writer, peer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads a report written by <see cref="Write(OptimizationReport)"/>.</summary>
    /// <exception cref="JsonException">The text is not JSON, or not an object with results.</exception>
    public static OptimizationReport Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement);
    }

    /// <summary>Reads a report from a JSON element written by <see cref="Write(Utf8JsonWriter, OptimizationReport)"/>.</summary>
    /// <exception cref="JsonException">The element is not an object with results.</exception>
    public static OptimizationReport Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("an optimization report is a JSON object with results");
        }

        var peers = root.TryGetProperty("peers", out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().Select(Read).ToList() : [];
        return new OptimizationReport(
            Text(root, "host") ?? "",
            (int)(Number(root, "pid") ?? 0),
            root.TryGetProperty("at", out var at) && at.ValueKind == JsonValueKind.String ? at.GetDateTimeOffset() : default,
            root.TryGetProperty("dry_run", out var dry) && dry.ValueKind == JsonValueKind.True,
            results.EnumerateArray().Select(ReadResult).ToList(),
            Seconds(root, "elapsed_seconds"))
        {
            RequestId = Text(root, "request_id"),
            Peers = peers,
            PeersWaited = Seconds(root, "peers_waited_seconds"),
        };
    }

    /// <summary>The outcome's name as printed: acted, dry_run, skipped.</summary>
    public static string OutcomeName(OptimizationOutcome outcome) => outcome switch
    {
        OptimizationOutcome.Acted => "acted",
        OptimizationOutcome.DryRun => "dry_run",
        _ => "skipped",
    };

    private static void WriteResult(Utf8JsonWriter writer, OptimizationResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("strategy", result.Strategy);
        writer.WriteString("outcome", OutcomeName(result.Outcome));
        writer.WriteString("measured", result.Measured);
        writer.WriteNumber("bytes_before", result.BytesBefore);
        WriteNullable(writer, "bytes_after", result.BytesAfter);
        WriteNullable(writer, "freed_bytes", result.FreedBytes);
        writer.WriteNumber("elapsed_seconds", result.Elapsed.TotalSeconds);
        writer.WriteString("summary", result.Summary);
        writer.WriteStartObject("figures");
        foreach (var figure in result.Figures)
        {
            writer.WriteStartObject(figure.Name);
            writer.WriteNumber("before", figure.Before);
            WriteNullable(writer, "after", figure.After);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("ratios");
        foreach (var ratio in result.Ratios)
        {
            writer.WriteNumber(ratio.Name, ratio.Value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static OptimizationResult ReadResult(JsonElement element)
    {
        var outcome = Text(element, "outcome") switch
        {
            "acted" => OptimizationOutcome.Acted,
            "dry_run" => OptimizationOutcome.DryRun,
            _ => OptimizationOutcome.Skipped,
        };
        var figures = new List<OptimizationFigure>();
        if (element.TryGetProperty("figures", out var f) && f.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in f.EnumerateObject())
            {
                figures.Add(new OptimizationFigure(property.Name, Number(property.Value, "before") ?? 0, Number(property.Value, "after")));
            }
        }

        var ratios = new List<OptimizationRatio>();
        if (element.TryGetProperty("ratios", out var r) && r.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in r.EnumerateObject().Where(property => property.Value.ValueKind == JsonValueKind.Number))
            {
                ratios.Add(new OptimizationRatio(property.Name, property.Value.GetDouble()));
            }
        }

        return new OptimizationResult(
            Text(element, "strategy") ?? "", outcome, Text(element, "measured") ?? "", Number(element, "bytes_before") ?? 0,
            Number(element, "bytes_after"), Seconds(element, "elapsed_seconds"), Text(element, "summary") ?? "")
        {
            Figures = figures,
            Ratios = ratios,
        };
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    private static TimeSpan Seconds(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? TimeSpan.FromSeconds(value.GetDouble())
            : TimeSpan.Zero;
}
