using System.Text.Json;

namespace Mnemo.Benchmarks.Baselines;

/// <summary>The figures of one benchmark run: every number of its JSON result, by path.</summary>
internal static class BenchmarkMetrics
{
    /// <summary>
    /// The numbers of a run's JSON object, keyed by their property path ("latency.p50_ms"). Arrays are left out: they hold
    /// per-round or per-item details whose positions need not match from run to run; their summaries sit beside them.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Flatten(JsonElement run)
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        Walk(run, "", metrics);
        return metrics;
    }

    private static void Walk(JsonElement element, string path, SortedDictionary<string, double> metrics)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", metrics);
                }

                break;
            case JsonValueKind.Number when element.TryGetDouble(out var value) && double.IsFinite(value):
                metrics[path] = value;
                break;
        }
    }
}
