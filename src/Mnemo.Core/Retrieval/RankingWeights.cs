namespace Mnemo.Core.Retrieval;

/// <summary>
/// How a search's relevance is made of full-text and vector signals, and how much recency, importance and use adjust
/// it. Relevance gets what the adjustments leave (with the defaults 0.9 of the score), and the adjustments are scaled by
/// relevance, so they reorder close matches but never lift an unrelated entry.
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
    /// The vector signal's share of relevance; full text has the rest. Default (null): the embedding model's own
    /// (<see cref="SimilarityScale.VectorShare"/>: 0.5 for the local neural models, 0.3 for the hashing embedder).
    /// </summary>
    public double? VectorShare { get; init; }

    /// <summary>
    /// How cosine similarities map onto 0..1; null (the default) uses the embedding model's own
    /// (<see cref="SimilarityScale.For(string)"/>). Set it for a remote model Mnemo does not know.
    /// </summary>
    public SimilarityScale? Similarity { get; init; }

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
        if (VectorShare is { } share && (!double.IsFinite(share) || share is < 0 or > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(VectorShare), VectorShare, "the vector share of relevance is 0..1: e.g. 0.4");
        }

        Similarity?.Validate();

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RecencyHalfLife, TimeSpan.Zero, nameof(RecencyHalfLife));
        if (Relevance < 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(RankingWeights), Relevance,
                $"recency, importance and use weigh {1 - Relevance:0.##} together: keep them at most 0.5 so relevance decides");
        }
    }
}
