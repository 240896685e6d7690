using Mnemo.Core.Entries;

namespace Mnemo.Core.Retrieval;

/// <summary>An entry found by a search, with its score (higher is better; the scale depends on the search).</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Score">How well it matched.</param>
/// <param name="Explanation">Each signal's part in the score (hybrid search only).</param>
public sealed record SearchHit(MemoryEntry Entry, double Score, SearchExplanation? Explanation = null);

/// <summary>How a hybrid score came about: each list's rank and raw score, and its share of the fused score.</summary>
/// <param name="TextRank">1-based rank among full-text matches, or null when full-text search did not find the entry.</param>
/// <param name="TextScore">The BM25 score (higher is better), when found.</param>
/// <param name="TextPart">The full-text list's share of the normalised score.</param>
/// <param name="VectorRank">1-based rank among vector matches, or null when the vector search did not find the entry.</param>
/// <param name="VectorSimilarity">The cosine similarity to the query, when found.</param>
/// <param name="VectorPart">The vector list's share of the normalised score.</param>
public sealed record SearchExplanation(
    int? TextRank, double? TextScore, double TextPart, int? VectorRank, double? VectorSimilarity, double VectorPart);
