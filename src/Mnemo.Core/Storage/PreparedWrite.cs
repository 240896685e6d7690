using System.Text.Json;

namespace Mnemo.Core.Storage;

/// <summary>A validated write, encoded and hashed, ready for a store to apply in its transaction.</summary>
/// <remarks>
/// The engine builds it outside the store's write lock (validation, JSON, hashing and compression are the
/// expensive parts), so the transaction itself only compares versions and writes rows.
/// </remarks>
public sealed record PreparedWrite
{
    /// <summary>The key.</summary>
    public required string Key { get; init; }

    /// <summary>The key's namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The text, kept to build the returned entry.</summary>
    public required string Text { get; init; }

    /// <summary>The value, kept to build the returned entry.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>The raw payload (<see cref="ContentCodec"/>).</summary>
    public required byte[] Payload { get; init; }

    /// <summary>SHA-256 of <see cref="Payload"/>.</summary>
    public required byte[] Hash { get; init; }

    /// <summary>
    /// For large payloads, the bytes to store once per namespace (possibly compressed) and their codec;
    /// null when the payload is small enough to be stored inline with the entry.
    /// </summary>
    public (byte[] Data, int Codec)? SharedContent { get; init; }

    /// <summary>The kind.</summary>
    public required string Kind { get; init; }

    /// <summary>The tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The metadata object.</summary>
    public JsonElement? Metadata { get; init; }

    /// <summary>The importance.</summary>
    public double Importance { get; init; }

    /// <summary>The writing agent.</summary>
    public string? Agent { get; init; }

    /// <summary>When the entry expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The version the current entry must have (0: must not exist), or null for an unconditional write.</summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>The writing session.</summary>
    public string? Session { get; init; }

    /// <summary>
    /// When set, the write is not applied but kept as a sibling of the current entry (manual conflict policy), recording
    /// the version it was based on; the store then returns the current entry.
    /// </summary>
    public long? SiblingOf { get; init; }

    /// <summary>An event recorded in the change feed with the write, in its transaction (a conflict settled, knowledge shared): type and JSON detail.</summary>
    public (Coordination.FeedEventType Type, string Detail)? Event { get; init; }

    /// <summary>When true, the key's siblings are discarded with this write (a resolution of the manual policy).</summary>
    public bool ClearsSiblings { get; init; }

    /// <summary>Fields carried over by an import; null for ordinary writes.</summary>
    public ImportedState? Imported { get; init; }

    /// <summary>
    /// The agent whose import wrote this version (recorded as <c>imported_by</c>), or null for ordinary writes and imports by
    /// an agent with no name. Quotas charge it instead of <see cref="Agent"/>: an import that keeps each line's agent (an
    /// admin's restore-like import) is charged to the importer, not to the agents the file names.
    /// </summary>
    public string? ImportedBy { get; init; }

    /// <summary>The agent whose quota this version counts against: <see cref="ImportedBy"/> when set, else <see cref="Agent"/>.</summary>
    public string? ChargedAgent => ImportedBy ?? Agent;

    /// <summary>
    /// The writer's exclusive lock on the key (<see cref="MemoryWrite.FencingToken"/> and the writer's agent), checked
    /// in the write transaction.
    /// </summary>
    public Coordination.Fence? Fence { get; init; }
}

/// <summary>Fields an import restores as they were exported instead of stamping them now.</summary>
/// <param name="Version">The version to give a key that does not exist yet.</param>
/// <param name="CreatedAt">The original creation time.</param>
/// <param name="UpdatedAt">The original update time.</param>
/// <param name="AccessedAt">The original last access.</param>
/// <param name="AccessCount">The original access count.</param>
public sealed record ImportedState(long? Version, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, DateTimeOffset? AccessedAt, long? AccessCount);
