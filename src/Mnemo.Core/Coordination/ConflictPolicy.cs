namespace Mnemo.Core.Coordination;

/// <summary>What a write based on an outdated version does, per key prefix. Persisted: never renumber.</summary>
public enum ConflictPolicy
{
    /// <summary>The later write replaces the entry (the default); the conflict is reported in the feed.</summary>
    LastWriteWins = 0,

    /// <summary>The write is merged into the current entry: JSON objects merged, tags united; an unmergeable field fails the write.</summary>
    Merge = 1,

    /// <summary>The write is kept as a sibling of the current entry until <c>mnemo conflicts resolve</c> picks one.</summary>
    Manual = 2,
}
