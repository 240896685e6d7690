namespace Mnemo.Core;

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

/// <summary>The names every face gives a <see cref="StoreAction"/>.</summary>
internal static class StoreActions
{
    /// <summary>The action's name: written, skipped or merged.</summary>
    public static string Name(StoreAction action) => action switch
    {
        StoreAction.Written => "written",
        StoreAction.Skipped => "skipped",
        StoreAction.Merged => "merged",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}

/// <summary>What a write did: the entry, the action, the near-duplicate and conflict met, and the quota warnings it raised.</summary>
/// <param name="Entry">
/// The entry written, merged into, or (when skipped) the existing near-duplicate; when the write was kept as a sibling, the
/// current entry, unchanged.
/// </param>
/// <param name="Action">What was done.</param>
/// <param name="Duplicate">The near-duplicate found, with its similarity, or null.</param>
/// <param name="Conflict">When the write was made from an outdated version (<see cref="MemoryWrite.BaseVersion"/>), what its policy did.</param>
public sealed record StoreOutcome(MemoryEntry Entry, StoreAction Action, DuplicateMatch? Duplicate = null, Coordination.ConflictOutcome? Conflict = null)
{
    /// <summary>The action's name as every face shows it (<see cref="StoreActions.Name"/>).</summary>
    public string ActionName => StoreActions.Name(Action);

    /// <summary>
    /// The agent's and session's usage that has reached the warning share of its quota after this write (empty when none
    /// has, and for a skipped write).
    /// </summary>
    public IReadOnlyList<Coordination.QuotaUsage> Warnings { get; init; } = [];

    /// <summary>
    /// What kinds of secrets were replaced in the write's text before anything was done with it, and how many of each
    /// (<see cref="MnemoOptions.RedactedNamespaces"/>); empty when none were, or the key's namespace is not redacted.
    /// </summary>
    public IReadOnlyList<Privacy.RedactionFinding> Redacted { get; init; } = [];
}

/// <summary>A near-duplicate of a write.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Similarity">The cosine similarity of the two texts' embeddings.</param>
public sealed record DuplicateMatch(string Key, double Similarity);
