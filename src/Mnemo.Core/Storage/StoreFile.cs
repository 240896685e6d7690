namespace Mnemo.Core.Storage;

/// <summary>One file a store keeps on disk, with its size when measured.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Bytes">Its size, bytes.</param>
public sealed record StoreFile(string Path, StoreFileKind Kind, long Bytes);

/// <summary>What a file of a store holds.</summary>
public enum StoreFileKind
{
    /// <summary>The database itself.</summary>
    Database,

    /// <summary>The write-ahead log: committed changes not yet copied into the database.</summary>
    WriteAheadLog,

    /// <summary>The index of the write-ahead log that processes share (SQLite's <c>-shm</c>).</summary>
    SharedMemory,

    /// <summary>A rollback journal, left by a transaction that did not finish.</summary>
    RollbackJournal,

    /// <summary>A vector index derived from the store, one per embedding model and indexed-text rule.</summary>
    VectorIndex,
}
