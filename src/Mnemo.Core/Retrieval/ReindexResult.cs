namespace Mnemo.Core.Retrieval;

/// <summary>What <c>ReindexAsync</c> did.</summary>
/// <param name="Embedder">The embedder the store now records, as <c>--embedder</c> takes it (e.g. <c>arctic-xs</c>).</param>
/// <param name="Model">The embedding model the store is now indexed with.</param>
/// <param name="Dimensions">The length of its vectors.</param>
/// <param name="Vectors">Vectors in the new index (one per current entry).</param>
/// <param name="Embedded">Texts sent to the embedder.</param>
/// <param name="FromCache">Texts whose vectors came from the store's embedding cache.</param>
/// <param name="Elapsed">How long it took.</param>
/// <param name="IndexFile">Where the index was saved.</param>
public sealed record ReindexResult(string Embedder, string Model, int Dimensions, int Vectors, long Embedded, long FromCache, TimeSpan Elapsed, string IndexFile);

/// <summary>Progress of a reindex: how far through the store's change log it is.</summary>
/// <param name="Covered">The last change sequence number indexed.</param>
/// <param name="Total">The store's last change sequence number when the reindex started.</param>
public readonly record struct ReindexProgress(long Covered, long Total)
{
    /// <summary>Changes indexed per second since the first report of this catch-up; null until there is a rate.</summary>
    public double? PerSecond { get; init; }

    /// <summary>The time left at <see cref="PerSecond"/> to reach <see cref="Total"/>; null until there is a rate.</summary>
    public TimeSpan? Remaining { get; init; }
}
