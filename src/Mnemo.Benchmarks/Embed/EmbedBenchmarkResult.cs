using System.Globalization;
using System.Text.Json;
using Mnemo.Benchmarks.Reporting;

namespace Mnemo.Benchmarks.Embed;

/// <summary>What <c>mnemo bench embed</c> measured: one run per thread count.</summary>
/// <param name="Model">The local model measured.</param>
/// <param name="Runs">One measurement per thread count, in the order asked.</param>
internal sealed record EmbedBenchmarkResult(string Model, IReadOnlyList<OnnxEmbedderMeasurement> Runs)
{
    /// <summary>Writes the result as one JSON object.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("benchmark", "embed");
        writer.WriteString("model", Model);
        writer.WriteStartArray("runs");
        foreach (var run in Runs)
        {
            writer.WriteStartObject();
            writer.WriteNumber("threads", run.Threads);
            writer.WriteNumber("batch_size", run.BatchSize);
            writer.WriteNumber("load_ms", Math.Round(run.LoadTime.TotalMilliseconds, 1));
            writer.WriteNumber("texts", run.Texts);
            writer.WriteNumber("average_tokens", Math.Round(run.AverageTokens, 1));
            writer.WriteNumber("texts_per_sec", Math.Round(run.TextsPerSecond, 1));
            writer.WriteNumber("query_p50_ms", Math.Round(run.QueryLatencyMedian.TotalMilliseconds, 2));
            writer.WriteNumber("query_p90_ms", Math.Round(run.QueryLatencyP90.TotalMilliseconds, 2));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes a table for people, one row per thread count.</summary>
    public void WriteTable(TextWriter output)
    {
        var table = new TextTable("THREADS", "LOAD MS", "TEXTS/S", "QUERY P50 MS", "QUERY P90 MS");
        foreach (var run in Runs)
        {
            table.Add(run.Threads.ToString(CultureInfo.InvariantCulture), Format(run.LoadTime.TotalMilliseconds), Format(run.TextsPerSecond),
                Format(run.QueryLatencyMedian.TotalMilliseconds), Format(run.QueryLatencyP90.TotalMilliseconds));
        }

        table.WriteTo(output);
    }

    private static string Format(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
