using System.Text.Json;
using Mnemo.Core.Keys;

namespace Mnemo.Core;

/// <summary>One version of a memory entry, as stored.</summary>
/// <remarks>Instances are immutable snapshots; the engine caches and shares them between callers.</remarks>
public sealed record MemoryEntry
{
    private string? _contentHash;
    private byte[]? _contentHashBytes;

    /// <summary>The hierarchical key, e.g. <c>swarm-abc/agent-worker1/state</c>.</summary>
    public required string Key { get; init; }

    /// <summary>Everything before the key's last '/', or "" for a one-segment key.</summary>
    public string Namespace => MemoryKey.GetNamespace(Key);

    /// <summary>The text that is searched and shown.</summary>
    public required string Text { get; init; }

    /// <summary>An optional structured value (any JSON).</summary>
    public JsonElement? Value { get; init; }

    /// <summary>A short word classifying the entry: working, episodic, semantic, decision, ...</summary>
    public required string Kind { get; init; }

    /// <summary>Tags, in the order first given, without duplicates.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>An optional JSON object of caller-defined metadata.</summary>
    public JsonElement? Metadata { get; init; }

    /// <summary>How much the entry matters, 0..1 (default 0.5).</summary>
    public double Importance { get; init; }

    /// <summary>The agent that wrote this version, if one was named.</summary>
    public string? Agent { get; init; }

    /// <summary>The per-key version, 1 for the first write and one more for every later write or deletion.</summary>
    public long Version { get; init; }

    /// <summary>When the entry was first created (or re-created after it was forgotten).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When this version was written.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the entry was last read by key, if ever.</summary>
    public DateTimeOffset? AccessedAt { get; init; }

    /// <summary>How many times the entry has been read by key.</summary>
    public long AccessCount { get; init; }

    /// <summary>When the entry stops being visible (its time to live ends), if it has one.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Lower-case hex SHA-256 of the entry's text and value: equal hashes mean equal content.</summary>
    /// <remarks>Formatted on first use: most entries are read for their text, and the string costs more than the hash.</remarks>
    public string ContentHash
    {
        get => _contentHash ??= Convert.ToHexStringLower(_contentHashBytes ?? []);
        init => _contentHash = value;
    }

    /// <summary>The raw SHA-256, from which <see cref="ContentHash"/> is formatted.</summary>
    public ReadOnlyMemory<byte> ContentHashBytes
    {
        get => _contentHashBytes ?? Convert.FromHexString(_contentHash ?? "");
        init => _contentHashBytes = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(value, out var whole)
            && whole.Offset == 0 && whole.Count == whole.Array!.Length ? whole.Array : value.ToArray();
    }

    /// <summary>The position of this version's write in the store's change sequence.</summary>
    public long Sequence { get; init; }

    /// <summary>True when the entry has a time to live that ended at or before <paramref name="now"/>.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;
}
