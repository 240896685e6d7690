using Mnemo.Core.Entries;

namespace Mnemo.Core.Retrieval;

/// <summary>An entry found by a search, with its score (higher is better; the scale depends on the search).</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Score">How well it matched.</param>
/// <param name="Explanation">Each signal's part in the score (hybrid search only).</param>
public sealed record SearchHit(MemoryEntry Entry, double Score, SearchExplanation? Explanation = null);

/// <summary>
/// How a hybrid score came about: each candidate list's rank and raw score, and each signal's part of the score. The
/// parts add up to the score.
/// </summary>
public sealed record SearchExplanation
{
    /// <summary>1-based rank among full-text matches, or null when full-text search did not find the entry.</summary>
    public int? TextRank { get; init; }

    /// <summary>The BM25 score (higher is better), when found.</summary>
    public double? TextScore { get; init; }

    /// <summary>The full-text list's part of the score.</summary>
    public double TextPart { get; init; }

    /// <summary>1-based rank among vector matches, or null when the vector search did not find the entry.</summary>
    public int? VectorRank { get; init; }

    /// <summary>The cosine similarity to the query, when found.</summary>
    public double? VectorSimilarity { get; init; }

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
