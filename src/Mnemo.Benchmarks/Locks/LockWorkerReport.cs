using System.Text.Json;

namespace Mnemo.Benchmarks.Locks;

/// <summary>What one worker process measured, sent to the parent as one JSON line on standard output.</summary>
/// <param name="Agent">The worker's agent name.</param>
/// <param name="Acquires">Lock cycles completed (each one increment of the counter).</param>
/// <param name="Seconds">Wall time of the worker's measured loop.</param>
/// <param name="AcquireMs">Latency of every acquire, milliseconds (including waiting for other holders).</param>
/// <param name="ReleaseMs">Latency of every release, milliseconds.</param>
internal sealed record LockWorkerReport(string Agent, long Acquires, double Seconds, IReadOnlyList<double> AcquireMs, IReadOnlyList<double> ReleaseMs)
{
    /// <summary>The report as one line of JSON.</summary>
    public string ToJsonLine()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("agent", Agent);
            writer.WriteNumber("acquires", Acquires);
            writer.WriteNumber("seconds", Seconds);
            WriteArray(writer, "acquire_ms", AcquireMs);
            WriteArray(writer, "release_ms", ReleaseMs);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a report line; throws <see cref="JsonException"/> or <see cref="KeyNotFoundException"/> when it is not one.</summary>
    public static LockWorkerReport Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        return new LockWorkerReport(
            root.GetProperty("agent").GetString()!, root.GetProperty("acquires").GetInt64(), root.GetProperty("seconds").GetDouble(),
            root.GetProperty("acquire_ms").EnumerateArray().Select(e => e.GetDouble()).ToList(),
            root.GetProperty("release_ms").EnumerateArray().Select(e => e.GetDouble()).ToList());
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IReadOnlyList<double> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(Math.Round(value, 4));
        }

        writer.WriteEndArray();
    }
}
