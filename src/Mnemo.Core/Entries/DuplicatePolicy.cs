namespace Mnemo.Core.Entries;

/// <summary>What a write does when its namespace already holds a near-duplicate of its text.</summary>
/// <remarks>
/// Junk and duplicates are what users of memory systems complain about most: the same fact stored ten times crowds the
/// ten results a search returns. A near-duplicate is another key of the same namespace whose text embeds with a cosine
/// similarity of at least <see cref="MnemoOptions.DuplicateThreshold"/>.
/// </remarks>
public enum DuplicatePolicy
{
    /// <summary>No check: the write costs no embedding or vector search.</summary>
    Allow,

    /// <summary>Write, and report the near-duplicate found.</summary>
    Report,

    /// <summary>Do not write when a near-duplicate exists; report it.</summary>
    Skip,

    /// <summary>Write into the near-duplicate's key instead: the new text, tags united, metadata merged (new values win), the higher importance.</summary>
    Merge,
}

/// <summary>What a write did.</summary>
public enum StoreAction
{
    /// <summary>Written under its own key.</summary>
    Written,

    /// <summary>Not written: a near-duplicate exists.</summary>
    Skipped,

    /// <summary>Merged into the near-duplicate's key.</summary>
    Merged,
}

/// <summary>The result of a write with a duplicate check.</summary>
/// <param name="Entry">The entry written, merged into, or (when skipped) the existing near-duplicate.</param>
/// <param name="Action">What was done.</param>
/// <param name="Duplicate">The near-duplicate found, with its similarity, or null.</param>
/// <param name="Conflict">When the write was made from an outdated version (<see cref="MemoryWrite.BaseVersion"/>), what its policy did.</param>
public sealed record StoreOutcome(MemoryEntry Entry, StoreAction Action, DuplicateMatch? Duplicate, Coordination.ConflictOutcome? Conflict = null);

/// <summary>A near-duplicate of a write.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Similarity">The cosine similarity of the two texts' embeddings.</param>
public sealed record DuplicateMatch(string Key, double Similarity);
