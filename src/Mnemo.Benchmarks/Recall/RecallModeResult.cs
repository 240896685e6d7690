using Mnemo.Core;

namespace Mnemo.Benchmarks.Recall;

/// <summary>Where one search mode ranked the evidence of every question, and how fast it searched.</summary>
/// <param name="Name">The mode: <c>bm25</c>, <c>text</c>, <c>vector</c> or <c>hybrid</c>.</param>
/// <param name="EvidenceRanks">
/// Per question, per evidence key (in the question's order), its 1-based rank among the results, or 0 when it was not
/// returned within the limit.
/// </param>
/// <param name="Latency">Time of each search call.</param>
internal sealed record RecallModeResult(string Name, int[][] EvidenceRanks, LatencySummary Latency)
{
    /// <summary>The figures over the questions at <paramref name="indexes"/> (see <see cref="RecallFigures"/>).</summary>
    public RecallFigures Figures(IReadOnlyCollection<int> indexes) => indexes.Count == 0
        ? new RecallFigures(0, 0, 0, 0, 0)
        : new RecallFigures(indexes.Count, RecallAt(1, indexes), RecallAt(5, indexes), RecallAt(10, indexes),
            indexes.Average(i => ReciprocalRank(EvidenceRanks[i])));

    /// <summary>
    /// Evidence recall@k, the metric of the public benchmark: per question, the share of its evidence keys among the first
    /// <paramref name="k"/> results, averaged over the questions at <paramref name="indexes"/>.
    /// </summary>
    public double RecallAt(int k, IReadOnlyCollection<int> indexes) =>
        indexes.Count == 0 ? 0 : indexes.Average(i => (double)EvidenceRanks[i].Count(rank => rank is > 0 && rank <= k) / EvidenceRanks[i].Length);

    /// <summary>Per evidence key of a question, its 1-based rank among <paramref name="results"/>, or 0 when absent.</summary>
    public static int[] RanksOf(IReadOnlyList<string> results, IReadOnlyList<string> evidence)
    {
        var ranks = new int[evidence.Count];
        for (var e = 0; e < evidence.Count; e++)
        {
            for (var r = 0; r < results.Count; r++)
            {
                if (string.Equals(results[r], evidence[e], StringComparison.Ordinal))
                {
                    ranks[e] = r + 1;
                    break;
                }
            }
        }

        return ranks;
    }

    /// <summary>The JSON name of an engine search mode in <c>mnemo bench search</c>: <c>full_text</c>, <c>vector</c> or <c>hybrid</c>.</summary>
    public static string NameOf(SearchMode mode) => mode switch
    {
        SearchMode.FullText => "full_text",
        SearchMode.Vector => "vector",
        _ => "hybrid",
    };

    /// <summary>1/rank of the best-ranked evidence key, 0 when none was returned.</summary>
    private static double ReciprocalRank(int[] ranks)
    {
        var first = ranks.Where(rank => rank > 0).DefaultIfEmpty(0).Min();
        return first > 0 ? 1.0 / first : 0;
    }
}
