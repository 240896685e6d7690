namespace Mnemo.Core;

/// <summary>Stable error codes carried by <see cref="MnemoException"/>.</summary>
/// <remarks>
/// The numeric values are persisted in scripts and logs; never renumber them (a golden test pins them).
/// Codes below 100 are the caller's to fix (CLI exit code 1); codes from 100 on are system failures (exit code 2).
/// </remarks>
public enum MnemoErrorCode
{
    /// <summary>The named entry does not exist (or has expired, or was forgotten).</summary>
    NotFound = 1,

    /// <summary>A write named the version it expected and found another.</summary>
    VersionConflict = 2,

    /// <summary>Input was malformed: a bad import line, bad JSON, a value out of range.</summary>
    InvalidInput = 3,

    /// <summary>An entry is larger than the configured limit.</summary>
    EntryTooLarge = 4,

    /// <summary>The directory that should hold the database does not exist.</summary>
    DirectoryNotFound = 5,

    /// <summary>The file is not a Mnemo database (not SQLite, or another application's SQLite file).</summary>
    NotAMnemoDatabase = 6,

    /// <summary>The database was written by a newer Mnemo with a schema this version does not know.</summary>
    SchemaTooNew = 7,

    /// <summary>A file the command should create already exists.</summary>
    AlreadyExists = 8,

    /// <summary>
    /// The embedding endpoint refused what it was asked for in a way configuration fixes: the API key (401/403), the
    /// endpoint or model (404), another 4xx with the server's reason, or vectors of other dimensions than the store's.
    /// </summary>
    EmbedderRejected = 9,

    /// <summary>An access rule denies the agent the right the operation needs on a key or prefix.</summary>
    AccessDenied = 10,

    /// <summary>A write would take an agent or a session beyond its storage quota.</summary>
    QuotaExceeded = 11,

    /// <summary>Under the merge policy, a write and the current entry changed the same field differently.</summary>
    MergeConflict = 12,

    /// <summary>
    /// A lock was not acquired before the acquire timeout because another agent holds an incompatible lock on an
    /// overlapping resource (the message names it, its token and when its lease ends). Retryable: the holder releases
    /// the lock or its lease ends.
    /// </summary>
    LockTimeout = 13,

    /// <summary>
    /// A renew or release named a lease that has ended, was released, or belongs to another agent; or a write without a
    /// fencing token touched a key under another holder's exclusive lock.
    /// </summary>
    LockNotHeld = 14,

    /// <summary>
    /// A write's fencing token is not a live exclusive lock covering the key: its lease ended (someone else may hold the
    /// lock now), it is a shared lock, or it locks other keys.
    /// </summary>
    StaleFencingToken = 15,

    /// <summary>
    /// The store's vectors were made by another embedding model than the one asked for; vectors of two models are never
    /// mixed. <c>mnemo reindex --embedder ...</c> moves the store to the asked model.
    /// </summary>
    EmbeddingModelMismatch = 16,

    /// <summary>
    /// A write was asked of a store this process may only read: the database file or its directory is not writable for
    /// this user, or its owner made it read-only. Reads work; the message says why it is read-only.
    /// </summary>
    StoreReadOnly = 17,

    /// <summary>The database file is damaged.</summary>
    Corrupt = 100,

    /// <summary>The database cannot be written (file or directory permissions, read-only media).</summary>
    ReadOnly = 101,

    /// <summary>The database stayed locked by other writers for longer than the busy timeout.</summary>
    Busy = 102,

    /// <summary>Any other storage failure (I/O error, disk full).</summary>
    StorageFailure = 103,

    /// <summary>
    /// The embedding endpoint could not be reached, kept failing (429/5xx, timeouts) until the retries ran out, or
    /// answered with something that is not OpenAI-style embeddings.
    /// </summary>
    EmbedderFailed = 104,
}
