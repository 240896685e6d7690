using System.Text.Json;
using Mnemo.Core.Entries;

namespace Mnemo.Core;

/// <summary>What a caller asks to store under a key.</summary>
/// <remarks>
/// A write of an existing key makes a new version with the given text and value. Its descriptive fields (kind, tags,
/// metadata, importance) replace the previous version's when given and are carried over from it when left out (null):
/// to clear the tags give an empty list, to clear the metadata an empty object. An import line is the whole entry and
/// carries nothing over.
/// </remarks>
public sealed record MemoryWrite
{
    /// <summary>The key to write.</summary>
    public required string Key { get; init; }

    /// <summary>The text to store (searched and shown). May be empty when a value is given.</summary>
    public required string Text { get; init; }

    /// <summary>An optional structured value (any JSON).</summary>
    public JsonElement? Value { get; init; }

    /// <summary>The entry's kind; left out, the previous version's, else <see cref="EntryDefaults.Kind"/>.</summary>
    public string? Kind { get; init; }

    /// <summary>Tags to attach, duplicates removed; left out (null), the previous version's; empty, none.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>A JSON object of metadata; left out, the previous version's.</summary>
    public JsonElement? Metadata { get; init; }

    /// <summary>Importance 0..1; left out, the previous version's, else <see cref="EntryDefaults.Importance"/>.</summary>
    public double? Importance { get; init; }

    /// <summary>Time to live from now; the entry becomes invisible when it ends.</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>The agent writing; default the engine's <see cref="MnemoOptions.Agent"/>.</summary>
    public string? Agent { get; init; }

    /// <summary>
    /// When set, the write succeeds only if the entry is at this version now (0: only if it does not exist);
    /// otherwise it fails with <see cref="MnemoConflictException"/> and changes nothing.
    /// </summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>The session writing; default the engine's <see cref="MnemoOptions.Session"/>.</summary>
    public string? Session { get; init; }

    /// <summary>
    /// The version this write was made from (read, changed, written back; 0 when the writer saw no entry). When the entry has
    /// moved on since, the write is in conflict and the conflict policy of its namespace decides: the later write wins,
    /// the two are merged, or the write is kept as a sibling until resolved. Unlike <see cref="ExpectedVersion"/>, a
    /// conflict does not by itself fail the write.
    /// </summary>
    public long? BaseVersion { get; init; }

    /// <summary>
    /// The fencing token of an exclusive lock the writer holds on the key (or a prefix of it). With a token, the write
    /// succeeds only while that lease is live; without one, it fails when another holder has the key locked exclusively.
    /// </summary>
    public long? FencingToken { get; init; }

    /// <summary>
    /// What the write does when its namespace already holds a near-duplicate of its text; default
    /// <see cref="DuplicatePolicy.Allow"/> (no check, no embedding).
    /// </summary>
    public DuplicatePolicy OnDuplicate { get; init; } = DuplicatePolicy.Allow;
}
