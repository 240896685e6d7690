using System.Text.Json;

namespace Mnemo.Benchmarks.Recall;

/// <summary>How long each phase of one seed's run took, in seconds.</summary>
/// <param name="Generate">Building the set.</param>
/// <param name="Import">Importing the turns into Mnemo (the JSONL file, as <c>mnemo import</c>).</param>
/// <param name="Index">Bringing Mnemo's full-text and vector indexes up to date (embedding every turn).</param>
/// <param name="Baseline">Building the plain FTS5 baseline.</param>
/// <param name="Search">Per mode, asking every question (warm-up included).</param>
/// <param name="Total">The whole seed, files included.</param>
internal sealed record RecallTimings(double Generate, double Import, double Index, double Baseline, IReadOnlyDictionary<string, double> Search, double Total)
{
    /// <summary>Writes the timings as an object named <c>timings</c>.</summary>
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("timings");
        writer.WriteNumber("generate_seconds", Math.Round(Generate, 3));
        writer.WriteNumber("import_seconds", Math.Round(Import, 3));
        writer.WriteNumber("index_seconds", Math.Round(Index, 3));
        writer.WriteNumber("bm25_index_seconds", Math.Round(Baseline, 3));
        writer.WriteStartObject("search_seconds");
        foreach (var (mode, seconds) in Search)
        {
            writer.WriteNumber(mode, Math.Round(seconds, 3));
        }

        writer.WriteEndObject();
        writer.WriteNumber("total_seconds", Math.Round(Total, 3));
        writer.WriteEndObject();
    }
}
