using System.Globalization;
using System.Text.Json;
using Mnemo.Cli.Output;

namespace Mnemo.Cli.Benchmarks.Recall;

/// <summary>What <c>mnemo bench recall</c> measured, all in one run.</summary>
internal sealed record RecallBenchmarkResult(
    RecallBenchmarkOptions Options, RecallDataset Dataset, string Embedder, double ImportSeconds, double IndexSeconds, IReadOnlyList<RecallModeResult> Modes)
{
    /// <summary>
    /// The mode with the highest MRR (ties broken by recall@10, then by the order of <see cref="RecallBenchmark.Modes"/>):
    /// MRR rewards both finding the evidence and ranking it high, which is what an agent reading the first results needs.
    /// </summary>
    public RecallModeResult Best => Modes.OrderByDescending(m => m.Mrr).ThenByDescending(m => m.RecallAt(10)).First();

    /// <summary>Writes the result as one JSON object.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("benchmark", "recall");
        writer.WriteNumber("seed", Options.Seed);
        writer.WriteNumber("conversations", Dataset.Conversations);
        writer.WriteNumber("sessions_per_conversation", Dataset.Sessions);
        writer.WriteNumber("entries", Dataset.Turns.Count);
        writer.WriteNumber("questions", Dataset.Questions.Count);
        writer.WriteNumber("limit", Options.Limit);
        writer.WriteString("embedder", Embedder);
        writer.WriteNumber("import_seconds", Math.Round(ImportSeconds, 3));
        writer.WriteNumber("index_seconds", Math.Round(IndexSeconds, 3));
        writer.WriteStartObject("modes");
        foreach (var mode in Modes)
        {
            mode.Write(writer);
        }

        writer.WriteEndObject();
        writer.WriteString("best_mode", Best.Name);
        writer.WriteString("best_by", "mrr");
        writer.WriteStartObject("recall_at_5_by_category");
        foreach (var group in Dataset.Questions.Select((q, i) => (q.Category, Index: i)).GroupBy(q => q.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(group.Key);
            writer.WriteNumber("questions", group.Count());
            foreach (var mode in Modes)
            {
                writer.WriteNumber(mode.Name, Math.Round(mode.RecallAt(5, group.Select(q => q.Index)), 4));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Writes a short table for people.</summary>
    public async Task WriteTableAsync(TextWriter output)
    {
        var table = new TextTable("MODE", "R@1", "R@5", "R@10", "MRR", "P50 MS", "P95 MS");
        foreach (var mode in Modes)
        {
            table.Add(mode.Name, F(mode.RecallAt(1)), F(mode.RecallAt(5)), F(mode.RecallAt(10)), F(mode.Mrr), F(mode.Latency.P50), F(mode.Latency.P95));
        }

        table.WriteTo(output);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{Dataset.Questions.Count} questions over {Dataset.Turns.Count} turns in {Dataset.Conversations} conversations; best by MRR: {Best.Name}"))
            .ConfigureAwait(false);
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
