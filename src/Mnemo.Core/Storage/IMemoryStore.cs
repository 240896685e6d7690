namespace Mnemo.Core.Storage;

/// <summary>
/// The store contract every backend implements: the single source of truth for entries, their history and the
/// change sequence. Everything else the engine keeps (caches, indexes) is derived from it.
/// </summary>
/// <remarks>
/// Implementations must be safe for concurrent use from many threads and, for embedded backends, from many
/// processes on the same database. Each method that changes rows does so in one transaction.
/// </remarks>
public partial interface IMemoryStore : IAsyncDisposable
{
    /// <summary>Where the store lives, as shown to users.</summary>
    string Location { get; }

    /// <summary>
    /// True when the store was opened read-only (the database file or its directory is not writable for this process);
    /// writes then fail with <see cref="MnemoErrorCode.StoreReadOnly"/>.
    /// </summary>
    bool IsReadOnly { get; }

    /// <summary>
    /// True when <paramref name="fullPath"/> is one of the files the store keeps (its database and the files beside it that
    /// belong to the database, such as a journal), which no export or backup may replace.
    /// </summary>
    bool OwnsFile(string fullPath);

    /// <summary>
    /// Applies all writes in one transaction, each producing the next version of its key, and returns the new entries
    /// in the same order. When any write's expected version does not match, throws
    /// <see cref="MnemoConflictException"/> and writes nothing.
    /// </summary>
    ValueTask<IReadOnlyList<MemoryEntry>> PutAsync(IReadOnlyList<PreparedWrite> writes, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The latest version of a key, or null when it was never written or its latest version is a removal.</summary>
    /// <remarks>Expiry is the caller's to check: an expired entry is still returned.</remarks>
    ValueTask<MemoryEntry?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The version of a key that was current at <paramref name="asOf"/>, or null when none was visible then.</summary>
    ValueTask<MemoryEntry?> GetAsOfAsync(string key, DateTimeOffset asOf, CancellationToken cancellationToken = default);

    /// <summary>A given version of a key, or null when that version does not exist or is a removal.</summary>
    ValueTask<MemoryEntry?> GetVersionAsync(string key, long version, CancellationToken cancellationToken = default);

    /// <summary>Entries visible at <paramref name="now"/> whose key starts with <paramref name="prefix"/>, in key order, after a key.</summary>
    ValueTask<EntryPage> ListAsync(string prefix, string? after, int limit, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Every version of a key, oldest first; empty when the key was never written.</summary>
    ValueTask<IReadOnlyList<EntryVersion>> GetHistoryAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Keys (with their current version) under a prefix that pass a filter, in key order.</summary>
    /// <param name="prefix">Every returned key starts with it ("" for all).</param>
    /// <param name="filter">Which entries to return.</param>
    /// <param name="now">The time against which expiry is judged.</param>
    /// <param name="unusedSince">For <see cref="CandidateFilter.Unused"/>: the time before which the last use must lie.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    ValueTask<IReadOnlyList<(string Key, long Version)>> FindAsync(
        string prefix, CandidateFilter filter, DateTimeOffset now, DateTimeOffset? unusedSince = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes entries in one transaction: each becomes a removal version in its history (its content stays in history
    /// unless <paramref name="purgeHistory"/>, which erases every version of the key). Entries that no longer exist, or
    /// are no longer at the requested version, are skipped. Returns the keys removed.
    /// </summary>
    ValueTask<IReadOnlyList<string>> RemoveAsync(
        IReadOnlyList<RemoveRequest> requests, ChangeKind reason, string? agent, DateTimeOffset now, bool purgeHistory,
        CancellationToken cancellationToken = default);

    /// <summary>Adds buffered read counts and last-access times to entries (not a new version; not in the change log).</summary>
    ValueTask RecordAccessAsync(IReadOnlyList<AccessTally> tallies, CancellationToken cancellationToken = default);

    /// <summary>Changes after a sequence number, from any process. Cheap when nothing changed.</summary>
    ValueTask<ChangeBatch> GetChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The sequence number of the last change <see cref="GetChangesAsync"/> would return (0 when there is none), without
    /// reading the changes: where a reader that holds nothing yet starts following them.
    /// </summary>
    ValueTask<long> GetLastSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>Every entry visible at <paramref name="now"/>, in key order, read from one consistent snapshot.</summary>
    IAsyncEnumerable<MemoryEntry> ExportAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Measures what the store holds and the space it takes.</summary>
    ValueTask<StoreStatus> GetStatusAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Verifies the database's integrity and the store's own invariants.</summary>
    ValueTask<CheckReport> CheckAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes a consistent copy of the whole store to a new file, while writers go on.</summary>
    ValueTask BackupAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Replaces the whole store with a backup after verifying it.</summary>
    ValueTask RestoreAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Copies everything committed so far into the main database file (for SQLite: a WAL checkpoint).</summary>
    ValueTask CheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings the full-text index up to the latest change (it is derived from the version log and trails writes until
    /// asked); returns how many keys it re-indexed. Does nothing on a read-only store.
    /// </summary>
    ValueTask<long> CatchUpTextIndexAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Full-text search (BM25) over current entries that pass <paramref name="filter"/>, best first, as far as the index
    /// has caught up. Any text is a valid query: words are matched, operators and punctuation are not interpreted.
    /// </summary>
    /// <returns>
    /// Keys with their BM25 score (higher is better), the score of a full match of the query, and the score of every
    /// indexed version the query found.
    /// </returns>
    ValueTask<TextMatches> SearchTextAsync(
        string query, SearchFilter filter, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// What changed in the current texts after a sequence number, in log order, for an index derived outside the store
    /// (the engine's vector index) to catch up; at most <paramref name="limit"/> log records are read per call.
    /// </summary>
    ValueTask<TextChanges> ReadTextChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Of the given version sequence numbers (vector matches), those that are the current, visible version of an entry
    /// passing the filter and not archived (<see cref="ArchiveColdAsync"/>), with their keys (in no particular order).
    /// </summary>
    ValueTask<IReadOnlyList<(long Sequence, string Key)>> FilterCurrentAsync(
        IReadOnlyList<long> sequences, SearchFilter filter, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The sequence number of every key's current version that is a write (not a removal), with the key.</summary>
    ValueTask<IReadOnlyList<(long Sequence, string Key)>> ReadCurrentSequencesAsync(CancellationToken cancellationToken = default);

    /// <summary>The current entries of the given keys that exist (removed or never-written keys are left out), in no particular order.</summary>
    /// <remarks>Expiry is the caller's to check, as for <see cref="GetAsync"/>.</remarks>
    ValueTask<IReadOnlyList<MemoryEntry>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a link, or updates the weight of an existing one with the same ends and relation, in one transaction.
    /// Both ends must be current entries visible at <paramref name="now"/>; otherwise throws
    /// <see cref="MnemoException"/> with <see cref="MnemoErrorCode.NotFound"/> naming the missing key.
    /// </summary>
    /// <returns>True when the link is new, false when it existed.</returns>
    ValueTask<bool> PutLinkAsync(MemoryLink link, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or replaces (same ends and relation) many links in one transaction, without checking that their ends
    /// exist: for an import that has checked them. A link whose end is not current is kept and ignored until the key is
    /// written again, as after a removal.
    /// </summary>
    ValueTask PutLinksAsync(IReadOnlyList<MemoryLink> links, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every link whose two ends are entries visible at <paramref name="now"/>, ordered by from, relation and to, read
    /// from one consistent snapshot.
    /// </summary>
    IAsyncEnumerable<MemoryLink> ExportLinksAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Removes the links from one key to another (of one relation, or of every relation when null); returns how many.</summary>
    ValueTask<int> RemoveLinksAsync(string from, string to, string? relation, CancellationToken cancellationToken = default);

    /// <summary>The links that start at (outgoing) or point to (incoming) any of the keys, whether or not the other end still exists.</summary>
    ValueTask<IReadOnlyList<MemoryLink>> GetLinksAsync(
        IReadOnlyList<string> keys, LinkDirection direction, CancellationToken cancellationToken = default);

    /// <summary>Cached embeddings of an embedding model by text hash (hex SHA-256); hashes not cached are left out.</summary>
    ValueTask<IReadOnlyDictionary<string, float[]>> GetCachedEmbeddingsAsync(
        string model, IReadOnlyList<string> hashes, CancellationToken cancellationToken = default);

    /// <summary>Caches embeddings of an embedding model by text hash (hex SHA-256). Does nothing on a read-only store.</summary>
    ValueTask PutCachedEmbeddingsAsync(string model, IReadOnlyList<(string Hash, float[] Vector)> embeddings, CancellationToken cancellationToken = default);

    /// <summary>A setting stored with the data (such as the embedding model the store was indexed with), or null.</summary>
    ValueTask<string?> GetSettingAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Stores a setting with the data; null removes it.</summary>
    ValueTask SetSettingAsync(string name, string? value, CancellationToken cancellationToken = default);

    /// <summary>Deletes shared payloads no entry or version refers to any more; returns how many.</summary>
    ValueTask<long> DeleteUnreferencedContentAsync(CancellationToken cancellationToken = default);
}
