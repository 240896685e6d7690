namespace Mnemo.Core.Storage;

/// <summary>Reads of one key gathered between two flushes of access statistics.</summary>
/// <param name="Key">The key read.</param>
/// <param name="Count">How many reads.</param>
/// <param name="LastAccess">When the last one happened.</param>
public sealed record AccessTally(string Key, long Count, DateTimeOffset LastAccess);

/// <summary>One record of the store's change sequence.</summary>
/// <param name="Sequence">Its position in the sequence (strictly increasing in commit order).</param>
/// <param name="Key">The key changed ("" for database-wide events).</param>
/// <param name="Version">The entry version the change produced.</param>
/// <param name="Change">What happened.</param>
/// <param name="Agent">Who did it.</param>
/// <param name="At">When.</param>
public sealed record ChangeRecord(long Sequence, string Key, long Version, ChangeKind Change, string? Agent, DateTimeOffset At);

/// <summary>The changes after a given sequence number.</summary>
/// <param name="LastSequence">The highest sequence number seen (the argument when nothing changed).</param>
/// <param name="Changes">The changes, in sequence order.</param>
public sealed record ChangeBatch(long LastSequence, IReadOnlyList<ChangeRecord> Changes);

/// <summary>A key and the version it must still have to be removed.</summary>
/// <param name="Key">The key.</param>
/// <param name="IfVersion">Remove only when the entry is still at this version; null removes whatever version is current.</param>
/// <param name="Fence">
/// The remover's exclusive lock on the key, checked as for writes (<see cref="PreparedWrite.Fence"/>); only deletions are
/// checked, not expiry or eviction.
/// </param>
public sealed record RemoveRequest(string Key, long? IfVersion, Coordination.Fence? Fence = null);

/// <summary>Which live entries a candidate search returns.</summary>
public enum CandidateFilter
{
    /// <summary>Entries that are visible now.</summary>
    Live,

    /// <summary>Entries whose time to live has ended but that are still stored.</summary>
    Expired,

    /// <summary>Visible entries not read (or, if never read, not written) since a given time.</summary>
    Unused,
}
