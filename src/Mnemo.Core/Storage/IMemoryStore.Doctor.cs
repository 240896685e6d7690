namespace Mnemo.Core.Storage;

public partial interface IMemoryStore
{
    /// <summary>
    /// The current entries whose expiry lies at or before <paramref name="now"/> (what <c>clean</c> would purge), with at
    /// most <paramref name="exampleLimit"/> example keys.
    /// </summary>
    ValueTask<ExpiredEntries> GetExpiredEntriesAsync(DateTimeOffset now, int exampleLimit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Per namespace, the entries visible at <paramref name="now"/> and those not used since <paramref name="unusedSince"/>
    /// (last read, or last written when never read: the rule of <see cref="CandidateFilter.Unused"/>), in namespace order.
    /// </summary>
    ValueTask<IReadOnlyList<NamespaceReads>> GetNamespaceReadsAsync(
        DateTimeOffset unusedSince, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keys whose history went back to an earlier content: three consecutive written versions A, B, A (same content hash
    /// two versions apart, another between). Counts per key how often; examples most reversions first.
    /// </summary>
    ValueTask<KeyCounts> FindRevertedKeysAsync(int exampleLimit, CancellationToken cancellationToken = default);

    /// <summary>Per namespace, the written versions kept from before and since <paramref name="since"/>, in namespace order.</summary>
    ValueTask<IReadOnlyList<NamespaceWrites>> GetNamespaceWritesAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Keys with at least <paramref name="minVersions"/> versions kept (removals included), deepest first.</summary>
    ValueTask<KeyCounts> FindDeepHistoriesAsync(int minVersions, int exampleLimit, CancellationToken cancellationToken = default);

    /// <summary>Links whose from or to key is not an entry visible at <paramref name="now"/>.</summary>
    ValueTask<OrphanLinks> FindOrphanLinksAsync(DateTimeOffset now, int exampleLimit, CancellationToken cancellationToken = default);
}
