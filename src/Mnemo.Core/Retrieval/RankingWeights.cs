namespace Mnemo.Core.Retrieval;

/// <summary>
/// How much recency, importance and use adjust a search's relevance. Relevance (the fused full-text and vector ranks)
/// gets what the others leave: with the defaults 0.9 of the score, so that these signals reorder close matches but never
/// lift an unrelated entry over a good one.
/// </summary>
public sealed record RankingWeights
{
    /// <summary>Weight of recency: 1 for an entry updated now, halving every <see cref="RecencyHalfLife"/>. Default 0.05.</summary>
    public double Recency { get; init; } = 0.05;

    /// <summary>Weight of the entry's importance (0..1). Default 0.03.</summary>
    public double Importance { get; init; } = 0.03;

    /// <summary>Weight of use: reads counted, saturating (10 reads give half of it). Default 0.02.</summary>
    public double Use { get; init; } = 0.02;

    /// <summary>
    /// How much the vector list counts in the fusion against the full-text list's 1. Default (null): 1 for an embedding
    /// model, <see cref="BuiltinVectorList"/> for the built-in embedder, whose vectors know word forms but not meaning and
    /// so mostly repeat what full-text search finds, with more noise (measured by <c>mnemo bench recall</c>: see
    /// docs/recall-eval.md).
    /// </summary>
    public double? VectorList { get; init; }

    /// <summary>The vector list's weight with the built-in embedder.</summary>
    public const double BuiltinVectorList = 0.5;

    /// <summary>The age at which recency is worth half. Default 30 days.</summary>
    public TimeSpan RecencyHalfLife { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The weight left for relevance.</summary>
    public double Relevance => 1 - Recency - Importance - Use;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a weight is negative or they leave relevance less than half.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Recency, nameof(Recency));
        ArgumentOutOfRangeException.ThrowIfNegative(Importance, nameof(Importance));
        ArgumentOutOfRangeException.ThrowIfNegative(Use, nameof(Use));
        if (VectorList is { } vectorList)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(vectorList, nameof(VectorList));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RecencyHalfLife, TimeSpan.Zero, nameof(RecencyHalfLife));
        if (Relevance < 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(RankingWeights), Relevance,
                $"recency, importance and use weigh {1 - Relevance:0.##} together: keep them at most 0.5 so relevance decides");
        }
    }
}
