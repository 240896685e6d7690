namespace Mnemo.Core.Coordination;

/// <summary>What a change-feed event reports. Persisted as an integer: never renumber.</summary>
public enum FeedEventType
{
    /// <summary>An entry was written (created, updated, merged, imported or shared into place).</summary>
    MemoryUpdated = 1,

    /// <summary>An entry was removed (forgotten, expired or evicted).</summary>
    MemoryDeleted = 2,

    /// <summary>A lock was granted.</summary>
    LockAcquired = 3,

    /// <summary>A lock was released by its holder, or taken back because its lease ended.</summary>
    LockReleased = 4,

    /// <summary>An agent published an entry to a shared scope (<c>mnemo share</c>).</summary>
    KnowledgeShared = 5,

    /// <summary>A write was based on a version that is no longer current; the detail says what the policy did.</summary>
    ConflictDetected = 6,

    /// <summary>A caller marked a point every watcher can wait for (for example an import or a sync finished).</summary>
    SyncComplete = 7,

    /// <summary>An access rule was granted or revoked.</summary>
    AccessChanged = 8,

    /// <summary>A conflict policy was set or cleared.</summary>
    PolicyChanged = 9,

    /// <summary>A process asked every long-running process using the store to optimise itself (<c>mnemo optimize --swarm</c>).</summary>
    OptimizeRequested = 10,

    /// <summary>A process reported what it did for an optimisation request; the detail holds its report.</summary>
    OptimizeReported = 11,
}

/// <summary>The names of feed event types as printed and accepted (snake_case, as in the seed documents).</summary>
public static class FeedEventNames
{
    /// <summary>memory_updated, lock_acquired, ...</summary>
    public static string Name(FeedEventType type) => type switch
    {
        FeedEventType.MemoryUpdated => "memory_updated",
        FeedEventType.MemoryDeleted => "memory_deleted",
        FeedEventType.LockAcquired => "lock_acquired",
        FeedEventType.LockReleased => "lock_released",
        FeedEventType.KnowledgeShared => "knowledge_shared",
        FeedEventType.ConflictDetected => "conflict_detected",
        FeedEventType.SyncComplete => "sync_complete",
        FeedEventType.AccessChanged => "access_changed",
        FeedEventType.PolicyChanged => "policy_changed",
        FeedEventType.OptimizeRequested => "optimize_requested",
        FeedEventType.OptimizeReported => "optimize_reported",
        _ => type.ToString().ToLowerInvariant(),
    };
}
