using System.Text.Json;

namespace Mnemo.Benchmarks.Context;

/// <summary>Assembly latency at one store size, beside the plain top-k baseline's in the same run.</summary>
/// <param name="Entries">Live entries in the store when timed.</param>
/// <param name="Filled">Filler entries written to reach that size.</param>
/// <param name="FillSeconds">Wall time of writing them.</param>
/// <param name="IndexSeconds">Wall time of bringing the full-text and vector indexes up to date.</param>
/// <param name="Budget">The budget every timed assembly asked for.</param>
/// <param name="Assembled">Latency of <see cref="Core.MnemoEngine.AssembleContextAsync"/>.</param>
/// <param name="TopK">Latency of the baseline: a search and its hits cut at the budget.</param>
/// <param name="Violations">Timed assemblies whose context went over the budget.</param>
internal sealed record ContextLatency(
    long Entries, int Filled, double FillSeconds, double IndexSeconds, int Budget, LatencySummary Assembled, LatencySummary TopK, int Violations)
{
    /// <summary>The assembly's median over the baseline's (0 when the baseline measured 0).</summary>
    public double Ratio => TopK.P50 > 0 ? Assembled.P50 / TopK.P50 : 0;

    /// <summary>Writes the figures as one object.</summary>
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("entries", Entries);
        writer.WriteNumber("filled", Filled);
        writer.WriteNumber("fill_seconds", Math.Round(FillSeconds, 3));
        writer.WriteNumber("index_seconds", Math.Round(IndexSeconds, 3));
        writer.WriteNumber("budget", Budget);
        writer.WriteStartObject(ContextBenchmark.Assembled);
        writer.WriteNumber("assemblies", Assembled.Count);
        Assembled.WriteFields(writer);
        writer.WriteNumber("budget_violations", Violations);
        writer.WriteEndObject();
        writer.WriteStartObject(ContextBenchmark.TopK);
        writer.WriteNumber("searches", TopK.Count);
        TopK.WriteFields(writer);
        writer.WriteEndObject();
        writer.WriteNumber("assembled_vs_topk_p50", Math.Round(Ratio, 3));
        writer.WriteEndObject();
    }
}
