using System.Globalization;

namespace Mnemo.Core.Retrieval;

/// <summary>
/// Maps an embedding model's cosine similarities onto 0..1 the same way for every query: <see cref="Floor"/> (what an
/// unrelated text typically scores against a query) and below give 0, <see cref="Ceiling"/> (what a text that answers
/// the query typically scores) gives 0.9, linear between; above it, values approach 1 (<see cref="Saturate"/>), so that
/// strong matches keep their order.
/// </summary>
/// <remarks>
/// Each model has its own range: with snowflake-arctic-embed-xs a turn that does not answer a question scores about
/// 0.57 against it (median) and one that does about 0.66, with all-MiniLM-L6-v2 0.34 and 0.51, with the hashing
/// embedder 0.21 and 0.25. Scaling by fixed points of the model (not by the best hit of each query) is what lets a score
/// mean the same across queries, so an unrelated entry never scores high because it was the best of a bad lot. The points
/// and <see cref="VectorShare"/> were chosen on the development seeds (1-3) of <c>mnemo bench recall</c>, never on the
/// held-out ones (docs/recall-eval.md, "Constants").
/// </remarks>
/// <param name="Floor">The similarity that maps to 0: about what a text that does not answer a query scores.</param>
/// <param name="Ceiling">The similarity that maps to 0.9: about what an answer scores; above <paramref name="Floor"/>.</param>
/// <param name="VectorShare">How much of relevance this model's similarity should carry against full text's, 0..1.</param>
/// <param name="KnowsMeaning">
/// True for a model that finds answers in other words (a neural model): when full text finds little of a query, meaning
/// carries the ranking (<see cref="HybridRanker"/>). False for the hashing embedder, which knows word forms only.
/// </param>
/// <param name="Duplicate">
/// The similarity of two stored texts at or above which they count as near-duplicates: the same sentence re-cased,
/// re-punctuated, reordered or with a synonym is above it, one content word changed is below.
/// </param>
public sealed record SimilarityScale(double Floor, double Ceiling, double VectorShare = 0.5, bool KnowsMeaning = true, double Duplicate = 0.92)
{
    /// <summary>For a model Mnemo does not know (such as a remote one): typical of sentence-embedding models.</summary>
    public static readonly SimilarityScale Unknown = new(0.3, 0.7);

    private static readonly Dictionary<string, SimilarityScale> s_known = new(StringComparer.OrdinalIgnoreCase)
    {
        // An even split: with full text weighed by how much of the query it found (HybridRanker), the development seeds
        // ranked 0.626 at 0.5 and 0.629 at 0.6, and real conversations, whose questions share more words with their
        // answers, were measured to favour words more, not less.
        // Duplicates, measured against "We adopted a dog called Rex": arctic-xs re-cased 0.994, "named" 0.991, reordered
        // 0.974, "cat" 0.965, "Max" 0.924; MiniLM "named" 0.985, re-cased 0.953, reordered 0.925, "cat" 0.909.
        ["snowflake-arctic-embed-xs"] = new(0.56, 0.70, 0.5, Duplicate: 0.97),
        ["all-MiniLM-L6-v2"] = new(0.30, 0.70, 0.5, Duplicate: 0.94),
    };

    // Hashed word pieces mostly repeat what full text finds, with more noise: best at 0.2-0.3 of relevance. Its floor
    // hardly matters on the development seeds (0.05-0.2 all within 0.004), so it stays at 0.1, where a typo still finds.
    private static readonly SimilarityScale s_hashing = new(0.10, 0.60, 0.3, KnowsMeaning: false);

    /// <summary>The scale of a model by its identifier; hashing models start with <c>mnemo-hashing</c>.</summary>
    public static SimilarityScale For(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        return modelId.StartsWith("mnemo-hashing", StringComparison.Ordinal) ? s_hashing : s_known.GetValueOrDefault(modelId, Unknown);
    }

    /// <summary>Reads <c>FLOOR,CEILING[,VECTOR_SHARE]</c> (e.g. <c>0.3,0.7,0.5</c>), or null when it is not a valid scale.</summary>
    public static SimilarityScale? TryParse(string? text)
    {
        var numbers = (text ?? "").Split(',', StringSplitOptions.TrimEntries)
            .Select(part => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN).ToArray();
        if (numbers.Length is not (2 or 3) || numbers.Any(double.IsNaN))
        {
            return null;
        }

        var scale = new SimilarityScale(numbers[0], numbers[1], numbers.Length == 3 ? numbers[2] : 0.5);
        try
        {
            scale.Validate();
            return scale;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>A similarity on this scale, 0..1.</summary>
    public double Normalize(double similarity) => Saturate((similarity - Floor) / (Ceiling - Floor));

    /// <summary>
    /// Maps a ratio to a typical strong match (1) onto 0..1, strictly increasing: 0 and below give 0, 1 gives 0.9,
    /// and larger ratios approach 1 (0.9 + 0.1 × (1 − 1/x)), so a stronger match always scores higher but never above 1.
    /// </summary>
    internal static double Saturate(double ratio) => ratio switch
    {
        <= 0 or double.NaN => 0,
        <= 1 => Knee * ratio,
        _ => Knee + ((1 - Knee) * (1 - (1 / ratio))),
    };

    // What a typical strong match is worth on the 0..1 scale.
    private const double Knee = 0.9;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless -1 ≤ floor &lt; ceiling ≤ 1 and the share is 0..1.</summary>
    public void Validate()
    {
        if (!(Floor >= -1 && Floor < Ceiling && Ceiling <= 1) || !(VectorShare is >= 0 and <= 1) || !(Duplicate is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SimilarityScale), this,
                "the similarity scale needs -1 <= floor < ceiling <= 1 and a vector share of 0..1: e.g. 0.3, 0.7 and 0.5");
        }
    }
}
