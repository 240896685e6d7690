namespace Mnemo.Core.Storage;

/// <summary>What a full-text search found, and the score that says how well a match covers the query.</summary>
/// <param name="Hits">Keys with their BM25 score, best first.</param>
/// <param name="FullMatchScore">
/// The BM25 score of an entry of average length holding each of the query's words once: the sum of the words' inverse
/// document frequencies. A hit's score divided by it says how much of the query (weighed by rarity) it matches, on the
/// same scale for every query; 0 when the query has no words.
/// </param>
public sealed record TextMatches(IReadOnlyList<(string Key, double Score)> Hits, double FullMatchScore)
{
    /// <summary>No match.</summary>
    public static readonly TextMatches None = new([], 0);
}
