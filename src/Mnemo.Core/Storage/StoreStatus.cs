namespace Mnemo.Core.Storage;

/// <summary>Measured figures about a store: what it holds and how much space that takes.</summary>
public sealed record StoreStatus
{
    /// <summary>Where the store lives (a file path for SQLite).</summary>
    public required string Location { get; init; }

    /// <summary>The backend, e.g. "sqlite".</summary>
    public required string Backend { get; init; }

    /// <summary>The schema version of the database.</summary>
    public int SchemaVersion { get; init; }

    /// <summary>The backend's own version, e.g. SQLite's library version.</summary>
    public string? BackendVersion { get; init; }

    /// <summary>Size of the main database file, bytes.</summary>
    public long DatabaseBytes { get; init; }

    /// <summary>Size of the write-ahead log, bytes.</summary>
    public long WalBytes { get; init; }

    /// <summary>Entries visible now.</summary>
    public long LiveEntries { get; init; }

    /// <summary>Entries whose time to live has ended but that <c>clean</c> has not purged yet.</summary>
    public long ExpiredEntries { get; init; }

    /// <summary>Keys whose latest version is a removal (forgotten, expired or evicted).</summary>
    public long RemovedEntries { get; init; }

    /// <summary>Earlier versions kept in history.</summary>
    public long HistoryVersions { get; init; }

    /// <summary>Distinct namespaces among live entries.</summary>
    public long Namespaces { get; init; }

    /// <summary>The last sequence number of the change log.</summary>
    public long LastSequence { get; init; }

    /// <summary>Bytes of small payloads stored inline with entries and versions.</summary>
    public long InlinePayloadBytes { get; init; }

    /// <summary>Distinct large payloads stored once per namespace.</summary>
    public long SharedContents { get; init; }

    /// <summary>Of those, how many are compressed.</summary>
    public long CompressedContents { get; init; }

    /// <summary>Uncompressed bytes of the distinct large payloads.</summary>
    public long SharedContentRawBytes { get; init; }

    /// <summary>Bytes the distinct large payloads take as stored (after compression).</summary>
    public long SharedContentStoredBytes { get; init; }

    /// <summary>Entries and versions that refer to a shared payload.</summary>
    public long SharedContentReferences { get; init; }

    /// <summary>Uncompressed bytes all those references would take if each stored its own copy.</summary>
    public long SharedContentReferencedBytes { get; init; }

    /// <summary>Bytes saved by storing identical large content once per namespace.</summary>
    public long DeduplicationSavedBytes => Math.Max(0, SharedContentReferencedBytes - SharedContentRawBytes);

    /// <summary>Bytes saved by compressing large content.</summary>
    public long CompressionSavedBytes => Math.Max(0, SharedContentRawBytes - SharedContentStoredBytes);

    /// <summary>
    /// Every file of the store that exists now, with its size: the database and the files its backend keeps beside it
    /// and, in the engine's status, the vector index files derived from it.
    /// </summary>
    public IReadOnlyList<StoreFile> Files { get; init; } = [];

    /// <summary>The bytes of all <see cref="Files"/>: what the store takes on disk.</summary>
    public long FileBytes => Files.Sum(file => file.Bytes);
}
