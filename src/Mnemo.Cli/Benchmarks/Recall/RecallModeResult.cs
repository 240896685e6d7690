using System.Text.Json;
using Mnemo.Core.Retrieval;

namespace Mnemo.Cli.Benchmarks.Recall;

/// <summary>How well one search mode found the evidence of every question, and how fast.</summary>
/// <param name="Mode">The search mode.</param>
/// <param name="Ranks">Per question, the 1-based rank of the first evidence turn among the results, or 0 when none was returned.</param>
/// <param name="Latency">Time of each search call.</param>
internal sealed record RecallModeResult(SearchMode Mode, int[] Ranks, LatencySummary Latency)
{
    /// <summary>The mode's name in the JSON output.</summary>
    public string Name => NameOf(Mode);

    /// <summary>Share of questions with an evidence turn among the first <paramref name="k"/> results, 0..1.</summary>
    public double RecallAt(int k) => RecallAt(k, Enumerable.Range(0, Ranks.Length));

    /// <summary><see cref="RecallAt(int)"/> over the questions at <paramref name="indexes"/>.</summary>
    public double RecallAt(int k, IEnumerable<int> indexes)
    {
        var chosen = indexes.ToArray();
        return chosen.Length == 0 ? 0 : (double)chosen.Count(i => Ranks[i] is > 0 && Ranks[i] <= k) / chosen.Length;
    }

    /// <summary>Mean reciprocal rank of the first evidence turn (0 for a question whose evidence was not returned).</summary>
    public double Mrr => Ranks.Length == 0 ? 0 : Ranks.Average(rank => rank > 0 ? 1.0 / rank : 0);

    /// <summary>The JSON name of a mode: <c>full_text</c>, <c>vector</c> or <c>hybrid</c>.</summary>
    public static string NameOf(SearchMode mode) => mode switch
    {
        SearchMode.FullText => "full_text",
        SearchMode.Vector => "vector",
        _ => "hybrid",
    };

    /// <summary>Writes this mode's figures as an object named after it.</summary>
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject(Name);
        writer.WriteNumber("recall_at_1", Math.Round(RecallAt(1), 4));
        writer.WriteNumber("recall_at_5", Math.Round(RecallAt(5), 4));
        writer.WriteNumber("recall_at_10", Math.Round(RecallAt(10), 4));
        writer.WriteNumber("mrr", Math.Round(Mrr, 4));
        writer.WriteNumber("searches", Latency.Count);
        Latency.WriteFields(writer);
        writer.WriteEndObject();
    }
}
