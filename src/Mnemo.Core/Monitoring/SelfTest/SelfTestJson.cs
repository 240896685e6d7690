using System.Text.Json;

namespace Mnemo.Core.Monitoring.SelfTest;

/// <summary>The one JSON shape of self-test results, for every face.</summary>
public static class SelfTestJson
{
    /// <summary>Writes a validation as one object: passed, namespace, and each check.</summary>
    public static void Write(Utf8JsonWriter writer, OperationValidation validation)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(validation);
        writer.WriteStartObject();
        writer.WriteBoolean("passed", validation.Passed);
        writer.WriteString("namespace", validation.Namespace);
        writer.WriteNumber("failed", validation.Checks.Count(c => !c.Passed));
        writer.WriteStartArray("checks");
        foreach (var check in validation.Checks)
        {
            writer.WriteStartObject();
            writer.WriteString("name", check.Name);
            writer.WriteBoolean("passed", check.Passed);
            writer.WriteString("detail", check.Detail);
            writer.WriteNumber("ms", Math.Round(check.Milliseconds, 3));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes a benchmark as one object: kind, namespace, model, and each operation's latencies.</summary>
    public static void Write(Utf8JsonWriter writer, OperationBenchmark benchmark)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(benchmark);
        writer.WriteStartObject();
        writer.WriteString("kind", benchmark.Kind);
        writer.WriteString("namespace", benchmark.Namespace);
        writer.WriteString("embedding_model", benchmark.EmbeddingModel);
        writer.WriteStartArray("operations");
        foreach (var t in benchmark.Timings)
        {
            writer.WriteStartObject();
            writer.WriteString("operation", t.Operation);
            writer.WriteNumber("count", t.Count);
            writer.WriteNumber("p50_ms", Math.Round(t.P50Milliseconds, 3));
            writer.WriteNumber("p95_ms", Math.Round(t.P95Milliseconds, 3));
            writer.WriteNumber("max_ms", Math.Round(t.MaxMilliseconds, 3));
            writer.WriteNumber("per_sec", Math.Round(t.PerSecond, 1));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
