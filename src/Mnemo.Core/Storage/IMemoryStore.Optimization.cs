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
}
