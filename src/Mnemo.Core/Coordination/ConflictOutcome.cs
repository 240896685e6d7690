namespace Mnemo.Core.Coordination;

/// <summary>What a conflict policy did with a write made from an outdated version.</summary>
public enum ConflictResolution
{
    /// <summary>Last-write-wins: the write replaced the newer version.</summary>
    Overwritten,

    /// <summary>Merge: the write was merged into the newer version.</summary>
    Merged,

    /// <summary>Manual: the write was kept as a sibling; the entry is unchanged until resolved.</summary>
    KeptAsSibling,
}

/// <summary>A conflict a write ran into, and how its namespace's policy settled it.</summary>
/// <param name="Policy">The policy that applied.</param>
/// <param name="BaseVersion">The version the write was made from.</param>
/// <param name="CurrentVersion">The version the entry had moved on to (0 when it had been removed).</param>
/// <param name="Resolution">What happened to the write.</param>
public sealed record ConflictOutcome(ConflictPolicy Policy, long BaseVersion, long CurrentVersion, ConflictResolution Resolution)
{
    /// <summary>The policy's name as every face shows it: last-write-wins, merge or manual.</summary>
    public string PolicyName => ConflictPolicies.Name(Policy);

    /// <summary>The resolution's name as every face shows it: overwritten, merged or kept as sibling.</summary>
    public string ResolutionName => ConflictPolicies.Name(Resolution);
}
