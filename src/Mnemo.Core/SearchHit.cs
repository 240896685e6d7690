using Mnemo.Core.Retrieval;

namespace Mnemo.Core;

/// <summary>An entry found by a search, with its score (higher is better; the scale depends on the search).</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Score">How well it matched.</param>
/// <param name="Explanation">Each signal's part in the score (hybrid search only).</param>
public sealed record SearchHit(MemoryEntry Entry, double Score, SearchExplanation? Explanation = null);

/// <summary>
/// How a score came about: each signal's raw value, its value on the 0..1 scale shared by every query, and its part of
/// the score. The parts add up to the score.
/// </summary>
public sealed record SearchExplanation
{
    /// <summary>1-based rank among the results.</summary>
    public int Rank { get; init; }

    /// <summary>The raw BM25 score (higher is better), or null when full-text search did not find the entry.</summary>
    public double? TextScore { get; init; }

    /// <summary>BM25 as a share of a full match of the query's words, 0..1.</summary>
    public double TextNormalized { get; init; }

    /// <summary>The full-text list's part of the score.</summary>
    public double TextPart { get; init; }

    /// <summary>The raw cosine similarity of the entry's embedding to the query's, or null when not compared.</summary>
    public double? VectorSimilarity { get; init; }

    /// <summary>The similarity on the embedding model's scale (<see cref="SimilarityScale"/>), 0..1.</summary>
    public double VectorNormalized { get; init; }

    /// <summary>
    /// How the entry's indexed text fitted the embedding model's window: null when it fitted (or the model has no
    /// window), else e.g. <c>chunked: 812 tokens in 2 windows of 510</c>.
    /// </summary>
    public string? Embedding { get; init; }

    /// <summary>The vector list's part of the score.</summary>
    public double VectorPart { get; init; }

    /// <summary>Recency's part: more for entries updated recently.</summary>
    public double RecencyPart { get; init; }

    /// <summary>Importance's part.</summary>
    public double ImportancePart { get; init; }

    /// <summary>Use's part: more for entries read often.</summary>
    public double UsePart { get; init; }

    /// <summary>For an entry added by link expansion: the result it was reached from; null for a direct match.</summary>
    public string? LinkedFrom { get; init; }

    /// <summary>For an entry added by link expansion: the relation followed.</summary>
    public string? LinkRelation { get; init; }
}
