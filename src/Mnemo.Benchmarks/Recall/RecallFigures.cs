using System.Text.Json;

namespace Mnemo.Benchmarks.Recall;

/// <summary>How well a mode found the evidence of a group of questions (all of them, or one type).</summary>
/// <param name="Questions">How many questions.</param>
/// <param name="RecallAt1">Evidence recall@1, 0..1.</param>
/// <param name="RecallAt5">Evidence recall@5, 0..1.</param>
/// <param name="RecallAt10">Evidence recall@10, 0..1: the share of a question's evidence turns among the first 10 results, averaged.</param>
/// <param name="Mrr">Mean of 1/rank of a question's first evidence turn found (0 when none is), 0..1.</param>
internal sealed record RecallFigures(int Questions, double RecallAt1, double RecallAt5, double RecallAt10, double Mrr)
{
    /// <summary>The mean of several runs' figures (each run counts once, whatever its number of questions); questions are summed.</summary>
    public static RecallFigures Mean(IReadOnlyCollection<RecallFigures> runs) => runs.Count == 0
        ? new RecallFigures(0, 0, 0, 0, 0)
        : new RecallFigures(runs.Sum(r => r.Questions), runs.Average(r => r.RecallAt1), runs.Average(r => r.RecallAt5),
            runs.Average(r => r.RecallAt10), runs.Average(r => r.Mrr));

    /// <summary>Writes the figures into the current object, with recall@10 minus the baseline's when one is given.</summary>
    public void WriteFields(Utf8JsonWriter writer, RecallFigures? baseline)
    {
        writer.WriteNumber("questions", Questions);
        writer.WriteNumber("recall_at_1", Math.Round(RecallAt1, 4));
        writer.WriteNumber("recall_at_5", Math.Round(RecallAt5, 4));
        writer.WriteNumber("recall_at_10", Math.Round(RecallAt10, 4));
        writer.WriteNumber("mrr", Math.Round(Mrr, 4));
        if (baseline is not null)
        {
            writer.WriteNumber("recall_at_10_vs_bm25", Math.Round(RecallAt10 - baseline.RecallAt10, 4));
        }
    }
}
