namespace Mnemo.Core.Storage;

public partial interface IMemoryStore
{
    /// <summary>The store's files that exist now (the database and the companions its backend keeps beside it), measured on the file system.</summary>
    IReadOnlyList<StoreFile> GetFiles();

    /// <summary>How the database's pages are used now: page size, pages in the database and free pages among them.</summary>
    ValueTask<DatabasePages> GetPagesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies the whole write-ahead log into the database and truncates the log file to nothing, waiting (up to the busy
    /// timeout) for other processes' readers and writers. Returns false when the log could not be emptied (a reader of
    /// another process still needs it); nothing is lost either way. Does nothing and returns false on a read-only store.
    /// </summary>
    ValueTask<bool> TruncateLogAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Rewrites the database without its free pages (SQLite <c>VACUUM</c>) under the write lock: other processes' writers
    /// wait (up to their busy timeout) and their readers go on with the state they started from. Throws
    /// <see cref="MnemoException"/> with <see cref="MnemoErrorCode.StoreReadOnly"/> on a read-only store.
    /// </summary>
    ValueTask VacuumAsync(CancellationToken cancellationToken = default);

    /// <summary>Releases the memory the store's idle connections cache (their page caches); returns how many connections it asked.</summary>
    ValueTask<int> ReleaseMemoryAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Archives the current versions of live entries neither read nor written since <paramref name="coldBefore"/>: each
    /// payload stored inline moves to Brotli-compressed storage when that saves space, and the version is listed as archived,
    /// which keeps it out of the vector index (<see cref="ReadTextChangesAsync"/> gives no text for it, and
    /// <see cref="FilterCurrentAsync"/> drops it). Storage only: versions keep their numbers, hashes and raw sizes, and the
    /// change sequence does not move; reads and full-text search go on as before. A later write makes a new version, which
    /// is not archived. Runs in short write transactions, so other writers wait little. With <paramref name="dryRun"/>,
    /// only counts what it would archive.
    /// </summary>
    /// <param name="coldBefore">Entries whose latest read and write are both before this time are cold.</param>
    /// <param name="now">The time that says which entries are live (not expired) and that the archive records.</param>
    /// <param name="dryRun">Count only; change nothing.</param>
    /// <param name="cancellationToken">Cancels between batches; the batches done stay archived.</param>
    ValueTask<ColdArchive> ArchiveColdAsync(DateTimeOffset coldBefore, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken = default);

    /// <summary>How many current versions are archived now (<see cref="ArchiveColdAsync"/>).</summary>
    ValueTask<long> CountArchivedAsync(CancellationToken cancellationToken = default);
}
