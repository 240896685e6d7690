using System.Globalization;
using System.Text.Json;
using Mnemo.Benchmarks.Reporting;

namespace Mnemo.Benchmarks.Context;

/// <summary>What <c>mnemo bench context</c> measured, all in one run.</summary>
/// <param name="Options">The settings of the run.</param>
/// <param name="Dataset">The generated set.</param>
/// <param name="EmbeddingModel">The embedding model the stores searched with.</param>
/// <param name="Evidence">Per budget and method, what the contexts held.</param>
/// <param name="Latency">Assembly latency per store size (empty when no size was asked for).</param>
/// <param name="LoadSeconds">Wall time of adding every message and indexing them.</param>
/// <param name="TotalSeconds">Wall time of the whole run.</param>
internal sealed record ContextBenchmarkResult(
    ContextBenchmarkOptions Options, ContextDataset Dataset, string EmbeddingModel, IReadOnlyList<EvidenceTally> Evidence,
    IReadOnlyList<ContextLatency> Latency, double LoadSeconds, double TotalSeconds)
{
    /// <summary>Every context over its budget, over every method, budget and timed assembly.</summary>
    public int Violations => Evidence.Sum(t => t.Violations) + Latency.Sum(l => l.Violations);

    /// <summary>Writes every figure and the settings as one JSON object.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("benchmark", "context");
        writer.WriteNumber("seed", Options.Seed);
        writer.WriteNumber("development_seed", ContextDataset.DevelopmentSeed);
        writer.WriteNumber("users", Dataset.Users.Count);
        writer.WriteNumber("sessions_per_user", Options.Sessions);
        writer.WriteNumber("messages", Dataset.Users.Sum(u => u.Messages.Count()));
        writer.WriteNumber("questions", Dataset.Users.Sum(u => u.Questions.Count));
        writer.WriteStartObject("questions_by_category");
        foreach (var category in ContextDataset.Categories)
        {
            writer.WriteNumber(category, Dataset.Users.Sum(u => u.Questions.Count(q => q.Category == category)));
        }

        writer.WriteEndObject();
        writer.WriteString("tokenizer", Options.Tokenizer);
        writer.WriteString("embedder", Options.Embedder ?? "default");
        writer.WriteString("embedding_model", EmbeddingModel);
        writer.WriteNumber("top_k", Options.TopK);
        WriteArray(writer, "methods", ContextBenchmark.Methods, writer.WriteStringValue);
        WriteArray(writer, "budgets", Options.Budgets, writer.WriteNumberValue);
        writer.WriteStartArray("evidence");
        foreach (var budget in Options.Budgets)
        {
            writer.WriteStartObject();
            writer.WriteNumber("budget", budget);
            writer.WriteStartObject("methods");
            foreach (var tally in Evidence.Where(t => t.Budget == budget))
            {
                writer.WriteStartObject(tally.Method);
                tally.WriteFields(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("latency");
        foreach (var size in Latency)
        {
            size.Write(writer);
        }

        writer.WriteEndArray();
        writer.WriteNumber("budget_violations", Violations);
        writer.WriteNumber("load_seconds", Math.Round(LoadSeconds, 3));
        writer.WriteNumber("total_seconds", Math.Round(TotalSeconds, 3));
        writer.WriteEndObject();
    }

    /// <summary>Writes a short summary for people: the evidence share table and the latency table.</summary>
    public async Task WriteTableAsync(TextWriter output)
    {
        var questions = Dataset.Users.Sum(u => u.Questions.Count);
        var messages = Dataset.Users.Sum(u => u.Messages.Count());
        await output.WriteLineAsync(Invariant(
            $"seed {Options.Seed}: {questions} questions over {messages:N0} messages of {Dataset.Users.Count} users, {Options.Tokenizer}, embedding model {EmbeddingModel}, {TotalSeconds:0.0} s"))
            .ConfigureAwait(false);
        var evidence = new TextTable(["METHOD", "BUDGET", "EVIDENCE", .. ContextDataset.Categories.Select(c => c.ToUpperInvariant()), "STALE", "MEAN TOKENS", "MAX", "OVER BUDGET"]);
        foreach (var tally in Evidence)
        {
            evidence.Add([tally.Method, Invariant($"{tally.Budget}"), Invariant($"{tally.Share:0.000}"),
                .. ContextDataset.Categories.Select(c => tally.ShareOf(c) is { } share ? Invariant($"{share:0.000}") : "-"),
                Invariant($"{tally.Stale}"), Invariant($"{tally.MeanTokens:0}"), Invariant($"{tally.MaxTokens}"), Invariant($"{tally.Violations}")]);
        }

        await output.WriteLineAsync("share of needed evidence inside the context:").ConfigureAwait(false);
        evidence.WriteTo(output);
        if (Latency.Count > 0)
        {
            var latency = new TextTable("ENTRIES", "BUDGET", "ASSEMBLED P50 MS", "P95 MS", "TOPK P50 MS", "P95 MS", "RATIO P50", "OVER BUDGET");
            foreach (var size in Latency)
            {
                latency.Add(Invariant($"{size.Entries:N0}"), Invariant($"{size.Budget}"), Invariant($"{size.Assembled.P50:0.00}"),
                    Invariant($"{size.Assembled.P95:0.00}"), Invariant($"{size.TopK.P50:0.00}"), Invariant($"{size.TopK.P95:0.00}"),
                    Invariant($"{size.Ratio:0.00}x"), Invariant($"{size.Violations}"));
            }

            await output.WriteLineAsync("assembly latency beside the top-k baseline:").ConfigureAwait(false);
            latency.WriteTo(output);
        }
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, string name, IEnumerable<T> values, Action<T> write)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            write(value);
        }

        writer.WriteEndArray();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
