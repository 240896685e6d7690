namespace Mnemo.Core.Retrieval;

/// <summary>
/// Maps an embedding model's cosine similarities onto 0..1 the same way for every query: <see cref="Floor"/> (what an
/// unrelated text typically scores against a query) and below give 0, <see cref="Ceiling"/> (what a text that answers
/// the query typically scores) gives 0.9, linear between; above it, values approach 1 (<see cref="Saturate"/>), so that
/// strong matches keep their order.
/// </summary>
/// <remarks>
/// Each model has its own range: with snowflake-arctic-embed-xs an unrelated sentence scores about 0.2 against a query
/// and an answer about 0.5, while the built-in hashing embedder gives unrelated texts about 0. Scaling by fixed points of
/// the model (not by the best hit of each query) is what lets a score mean the same across queries, so an unrelated entry
/// never scores high because it was the best of a bad lot. The points were chosen on the training seeds of
/// <c>mnemo bench recall</c> (docs/recall-eval.md).
/// </remarks>
/// <param name="Floor">The similarity that maps to 0.</param>
/// <param name="Ceiling">The similarity that maps to 1; above <paramref name="Floor"/>.</param>
public sealed record SimilarityScale(double Floor, double Ceiling)
{
    /// <summary>For a model Mnemo does not know (such as a remote one): typical of sentence-embedding models.</summary>
    public static readonly SimilarityScale Unknown = new(0.15, 0.65);

    private static readonly Dictionary<string, SimilarityScale> s_known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["snowflake-arctic-embed-xs"] = new(0.25, 0.55),
        ["all-MiniLM-L6-v2"] = new(0.10, 0.60),
    };

    /// <summary>The scale of a model by its identifier; hashing models start with <c>mnemo-hashing</c>.</summary>
    public static SimilarityScale For(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        if (modelId.StartsWith("mnemo-hashing", StringComparison.Ordinal))
        {
            return new(0.05, 0.55);
        }

        return s_known.GetValueOrDefault(modelId, Unknown);
    }

    /// <summary>A similarity on this scale, 0..1.</summary>
    public double Normalize(double similarity) => Saturate((similarity - Floor) / (Ceiling - Floor));

    /// <summary>
    /// Maps a ratio to a typical strong match (1) onto 0..1, strictly increasing: 0 and below give 0, 1 gives 0.9,
    /// and larger ratios approach 1 (0.9 + 0.1 × (1 − 1/x)), so a stronger match always scores higher but never above 1.
    /// </summary>
    public static double Saturate(double ratio) => ratio switch
    {
        <= 0 or double.NaN => 0,
        <= 1 => Knee * ratio,
        _ => Knee + ((1 - Knee) * (1 - (1 / ratio))),
    };

    // What a typical strong match is worth on the 0..1 scale.
    private const double Knee = 0.9;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless -1 ≤ floor &lt; ceiling ≤ 1.</summary>
    public void Validate()
    {
        if (!(Floor >= -1 && Floor < Ceiling && Ceiling <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SimilarityScale), this, "the similarity scale needs -1 <= floor < ceiling <= 1: e.g. 0.25 and 0.55");
        }
    }
}
