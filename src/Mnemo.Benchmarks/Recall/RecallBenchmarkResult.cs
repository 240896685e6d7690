using System.Globalization;
using System.Text.Json;
using Mnemo.Benchmarks.Reporting;

namespace Mnemo.Benchmarks.Recall;

/// <summary>What <c>mnemo bench recall</c> measured: every seed's run, and their mean.</summary>
/// <remarks>No mode is named best: the figures are reported side by side, each against the plain baseline.</remarks>
internal sealed record RecallBenchmarkResult(RecallBenchmarkOptions Options, IReadOnlyList<RecallRun> Runs, double TotalSeconds)
{
    /// <summary>Every question type of the runs, in report order.</summary>
    public IReadOnlyList<string> Types => OrderTypes(Runs.SelectMany(r => r.Dataset.Questions.Select(q => q.Category)));

    /// <summary>The mean over the seeds (each seed counts once) of a mode's figures, over every question or one type's.</summary>
    public RecallFigures Mean(string mode, string? type = null) =>
        RecallFigures.Mean(Runs.Where(r => type is null || r.Types.Contains(type)).Select(r => r.Figures(mode, type)).ToList());

    /// <summary>Question types in report order: the people set's (<see cref="ConversationSet.Categories"/>) first, then by name.</summary>
    public static IReadOnlyList<string> OrderTypes(IEnumerable<string> categories) => categories
        .Distinct(StringComparer.Ordinal)
        .OrderBy(c => ConversationSet.Categories.Contains(c) ? ConversationSet.Categories.ToList().IndexOf(c) : int.MaxValue)
        .ThenBy(c => c, StringComparer.Ordinal)
        .ToList();

    /// <summary>Writes every figure, the options, the embedding model and the timings as one JSON object.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("benchmark", "recall");
        writer.WriteString("set", Options.Set);
        writer.WriteStartArray("seeds");
        foreach (var run in Runs)
        {
            writer.WriteNumberValue(run.Seed);
        }

        writer.WriteEndArray();
        writer.WriteNumber("conversations", Runs[0].Dataset.Conversations);
        writer.WriteNumber("sessions_per_conversation", Runs[0].Dataset.Sessions);
        writer.WriteNumber("limit", Options.Limit);
        writer.WriteString("embedder", Options.Embedder ?? "default");
        writer.WriteString("embedding_model", Runs[0].EmbeddingModel);
        writer.WriteString("baseline", RecallBenchmark.Baseline);
        WriteStrings(writer, "modes", RecallBenchmark.Modes);
        WriteStrings(writer, "types", Types);
        writer.WriteStartArray("runs");
        foreach (var run in Runs)
        {
            writer.WriteStartObject();
            writer.WriteNumber("seed", run.Seed);
            writer.WriteNumber("entries", run.Dataset.Turns.Count);
            writer.WriteNumber("questions", run.Dataset.Questions.Count);
            writer.WriteString("embedding_model", run.EmbeddingModel);
            run.Timings.Write(writer);
            WriteModes(writer, run.Types, run.Figures, run.Latency);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("mean");
        writer.WriteNumber("runs", Runs.Count);
        WriteModes(writer, Types, Mean, mode => null);
        writer.WriteEndObject();
        writer.WriteNumber("total_seconds", Math.Round(TotalSeconds, 3));
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes, per seed and then for the mean of several, recall@10 per mode and type, the overall figures, and each mode's
    /// difference with bm25.
    /// </summary>
    public async Task WriteTableAsync(TextWriter output)
    {
        foreach (var run in Runs)
        {
            var (dataset, seconds) = (run.Dataset, run.Timings.Total);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"seed {run.Seed}: {dataset.Questions.Count} questions over {dataset.Turns.Count:N0} turns in {dataset.Conversations} conversations "
                + $"({Options.Set} set), embedding model {run.EmbeddingModel}, {seconds:0.0} s")).ConfigureAwait(false);
            await WriteTablesAsync(output, run.Types, t => dataset.Questions.Count(q => q.Category == t), run.Figures, mode => run.Latency(mode).P50)
                .ConfigureAwait(false);
        }

        if (Runs.Count > 1)
        {
            var seeds = string.Join(", ", Runs.Select(r => r.Seed));
            await output.WriteLineAsync($"mean of seeds {seeds} (each seed counts once):").ConfigureAwait(false);
            await WriteTablesAsync(output, Types, t => Runs.Sum(r => r.Dataset.Questions.Count(q => q.Category == t)), Mean,
                mode => Runs.Average(r => r.Latency(mode).P50)).ConfigureAwait(false);
        }
    }

    private static async Task WriteTablesAsync(
        TextWriter output, IReadOnlyList<string> types, Func<string, int> questions, Func<string, string?, RecallFigures> figures,
        Func<string, double> p50)
    {
        var typeHeaders = types.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.ToUpperInvariant()} ({questions(t)})"));
        var table = new TextTable(["MODE", .. typeHeaders, "R@1", "R@5", "R@10", "MRR", "P50 MS"]);
        var deltas = new TextTable(["MODE", .. types.Select(t => t.ToUpperInvariant()), "ALL"]);
        var baseline = types.ToDictionary(t => t, t => figures(RecallBenchmark.Baseline, t).RecallAt10);
        var baselineAll = figures(RecallBenchmark.Baseline, null).RecallAt10;
        foreach (var mode in RecallBenchmark.Modes)
        {
            var all = figures(mode, null);
            table.Add([mode, .. types.Select(t => F(figures(mode, t).RecallAt10)), F(all.RecallAt1), F(all.RecallAt5), F(all.RecallAt10), F(all.Mrr),
                p50(mode).ToString("0.00", CultureInfo.InvariantCulture)]);
            if (mode != RecallBenchmark.Baseline)
            {
                deltas.Add([mode, .. types.Select(t => D(figures(mode, t).RecallAt10 - baseline[t])), D(all.RecallAt10 - baselineAll)]);
            }
        }

        await output.WriteLineAsync("recall@10 per question type, and over all questions:").ConfigureAwait(false);
        table.WriteTo(output);
        await output.WriteLineAsync($"recall@10 minus {RecallBenchmark.Baseline}'s:").ConfigureAwait(false);
        deltas.WriteTo(output);
        await output.WriteLineAsync().ConfigureAwait(false);
    }

    private static void WriteModes(
        Utf8JsonWriter writer, IReadOnlyList<string> types, Func<string, string?, RecallFigures> figures, Func<string, LatencySummary?> latency)
    {
        writer.WriteStartObject("results");
        foreach (var mode in RecallBenchmark.Modes)
        {
            writer.WriteStartObject(mode);
            var baseline = mode == RecallBenchmark.Baseline ? null : figures(RecallBenchmark.Baseline, null);
            figures(mode, null).WriteFields(writer, baseline);
            if (latency(mode) is { } summary)
            {
                writer.WriteNumber("searches", summary.Count);
                summary.WriteFields(writer);
            }

            writer.WriteStartObject("by_type");
            foreach (var type in types)
            {
                writer.WriteStartObject(type);
                figures(mode, type).WriteFields(writer, mode == RecallBenchmark.Baseline ? null : figures(RecallBenchmark.Baseline, type));
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
}
