using System.Globalization;
using System.Text.Json;
using Mnemo.Benchmarks.Reporting;

namespace Mnemo.Benchmarks.Search;

/// <summary>What <c>mnemo bench search</c> measured, all in one run.</summary>
/// <param name="Options">The settings of the run.</param>
/// <param name="Embedder">The embedder's model id.</param>
/// <param name="ImportSeconds">Wall time of writing every entry; null when the entries were reused from an earlier run.</param>
/// <param name="IndexedEntries">Live entries the indexes had to cover.</param>
/// <param name="TextIndexSeconds">The first full-text search, which brought the full-text index up to date.</param>
/// <param name="VectorIndexSeconds">The first vector search, which embedded every entry and built the vector index.</param>
/// <param name="FilteredQueries">Timed queries confined to one namespace.</param>
/// <param name="Modes">Per mode, the latency of the timed queries.</param>
/// <param name="QueryEmbedding">The latency of embedding the timed queries alone (part of every hybrid and vector search).</param>
internal sealed record SearchBenchmarkResult(
    SearchBenchmarkOptions Options, string Embedder, double? ImportSeconds, long IndexedEntries, double TextIndexSeconds, double VectorIndexSeconds,
    int FilteredQueries, IReadOnlyList<SearchModeResult> Modes, LatencySummary QueryEmbedding)
{
    /// <summary>Writes the result as one JSON object.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("benchmark", "search");
        writer.WriteNumber("count", Options.Count);
        writer.WriteNumber("queries", Options.Queries);
        writer.WriteNumber("filtered_queries", FilteredQueries);
        writer.WriteNumber("limit", SearchBenchmark.Limit);
        writer.WriteNumber("seed", Options.Seed);
        writer.WriteNumber("namespaces", SyntheticCorpus.Namespaces);
        writer.WriteNumber("vocabulary", SyntheticCorpus.VocabularySize);
        writer.WriteString("embedder", Embedder);
        if (ImportSeconds is { } importSeconds)
        {
            writer.WriteStartObject("import");
            writer.WriteNumber("entries", Options.Count);
            writer.WriteNumber("batch_size", Options.BatchSize);
            writer.WriteNumber("seconds", Math.Round(importSeconds, 3));
            writer.WriteNumber("entries_per_sec", Math.Round(Rate(Options.Count, importSeconds), 1));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("import");
        }

        writer.WriteStartObject("index_build");
        writer.WriteNumber("entries", IndexedEntries);
        WritePhase(writer, "full_text", TextIndexSeconds);
        WritePhase(writer, "vector", VectorIndexSeconds);
        writer.WriteNumber("total_seconds", Math.Round(TextIndexSeconds + VectorIndexSeconds, 3));
        writer.WriteEndObject();
        foreach (var mode in Modes)
        {
            writer.WriteStartObject(Recall.RecallModeResult.NameOf(mode.Mode));
            mode.Latency.WriteFields(writer);
            writer.WriteNumber("searches", mode.Latency.Count);
            writer.WriteNumber("source_in_top_10", Math.Round(mode.SourceInTop10, 4));
            writer.WriteEndObject();
        }

        writer.WriteStartObject("query_embedding");
        QueryEmbedding.WriteFields(writer);
        writer.WriteNumber("share_of_hybrid_p50", Math.Round(ShareOfHybrid, 4));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The query embedding's median as a share of hybrid search's median.</summary>
    public double ShareOfHybrid => Modes.FirstOrDefault(mode => mode.Mode == Core.SearchMode.Hybrid) is { Latency.P50: > 0 } hybrid
        ? QueryEmbedding.P50 / hybrid.Latency.P50
        : 0;

    /// <summary>Writes a short table for people.</summary>
    public async Task WriteTableAsync(TextWriter output)
    {
        var import = ImportSeconds is { } seconds
            ? Invariant($"import {Options.Count:N0} entries: {seconds:0.0} s ({Rate(Options.Count, seconds):N0}/s)")
            : Invariant($"reused {Options.Count:N0} entries");
        await output.WriteLineAsync(Invariant(
            $"{import}; index build: full text {TextIndexSeconds:0.0} s, vectors {VectorIndexSeconds:0.0} s")).ConfigureAwait(false);
        var table = new TextTable("MODE", "P50 MS", "P95 MS", "P99 MS", "MEAN MS", "SOURCE@10");
        foreach (var mode in Modes)
        {
            table.Add(Recall.RecallModeResult.NameOf(mode.Mode), Invariant($"{mode.Latency.P50:0.00}"), Invariant($"{mode.Latency.P95:0.00}"),
                Invariant($"{mode.Latency.P99:0.00}"), Invariant($"{mode.Latency.Mean:0.00}"), Invariant($"{mode.SourceInTop10:0.000}"));
        }

        table.Add("embedding", Invariant($"{QueryEmbedding.P50:0.00}"), Invariant($"{QueryEmbedding.P95:0.00}"), Invariant($"{QueryEmbedding.P99:0.00}"),
            Invariant($"{QueryEmbedding.Mean:0.00}"), Invariant($"({ShareOfHybrid:P0} of hybrid p50)"));
        table.WriteTo(output);
    }

    private void WritePhase(Utf8JsonWriter writer, string name, double seconds)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("seconds", Math.Round(seconds, 3));
        writer.WriteNumber("entries_per_sec", Math.Round(Rate(IndexedEntries, seconds), 1));
        writer.WriteEndObject();
    }

    private static double Rate(long count, double seconds) => seconds > 0 ? count / seconds : 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
