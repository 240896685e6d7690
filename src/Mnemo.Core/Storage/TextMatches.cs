namespace Mnemo.Core.Storage;

/// <summary>What a full-text search found, and the score that says how well a match covers the query.</summary>
/// <param name="Hits">Keys with their BM25 score, best first.</param>
/// <param name="FullMatchScore">
/// The BM25 score of an entry of average length holding each of the query's words once: the sum of the words' inverse
/// document frequencies. A hit's score divided by it says how much of the query (weighed by rarity) it matches, on the
/// same scale for every query; 0 when the query has no words.
/// </param>
/// <param name="Scores">
/// The BM25 score of every indexed version (by sequence number) the query found, whether or not it passed the filter or
/// the cut: entries another signal found are judged by it without asking the index twice.
/// </param>
public sealed record TextMatches(IReadOnlyList<(string Key, double Score)> Hits, double FullMatchScore, IReadOnlyDictionary<long, double> Scores)
{
    /// <summary>No match.</summary>
    public static readonly TextMatches None = new([], 0, new Dictionary<long, double>());
}
