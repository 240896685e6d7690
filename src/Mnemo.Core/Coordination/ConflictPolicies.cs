using Mnemo.Core.Errors;

namespace Mnemo.Core.Coordination;

/// <summary>The names users give conflict policies on the command line and in tools.</summary>
public static class ConflictPolicies
{
    /// <summary>The policy's name: last-write-wins, merge or manual.</summary>
    public static string Name(ConflictPolicy policy) => policy switch
    {
        ConflictPolicy.LastWriteWins => "last-write-wins",
        ConflictPolicy.Merge => "merge",
        ConflictPolicy.Manual => "manual",
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, null),
    };

    /// <summary>What a policy did, as the feed and the CLI say it: overwritten, merged or kept as sibling.</summary>
    public static string Name(ConflictResolution resolution) => resolution switch
    {
        ConflictResolution.Overwritten => "overwritten",
        ConflictResolution.Merged => "merged",
        ConflictResolution.KeptAsSibling => "kept as sibling",
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, null),
    };

    /// <summary>Parses a policy name (also "lww"); throws naming the accepted ones.</summary>
    public static ConflictPolicy Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "last-write-wins" or "lww" => ConflictPolicy.LastWriteWins,
            "merge" => ConflictPolicy.Merge,
            "manual" => ConflictPolicy.Manual,
            _ => throw new ArgumentException($"conflict policy {UserValue.Quote(name)} is unknown: use last-write-wins, merge or manual", nameof(name)),
        };
    }
}
