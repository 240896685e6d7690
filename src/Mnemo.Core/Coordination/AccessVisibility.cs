using System.Text.Json;

namespace Mnemo.Core.Coordination;

/// <summary>
/// What an agent may see of the store's coordination state (rules, usage, locks, change events): what its rights allow.
/// An admin of the whole store, or anyone while the store is open, sees everything.
/// </summary>
internal static class AccessVisibility
{
    /// <summary>True when the agent sees all coordination state: the store is open, or it holds admin on every key.</summary>
    public static bool SeesEverything(this AccessRules rules, string? agent) => rules.Allows(agent, "", AccessRight.Admin);

    /// <summary>
    /// True when the agent may see a rule: one that applies to it (its own name or every agent), or one on a prefix it
    /// administers, since it may change that rule anyway.
    /// </summary>
    public static bool CanSeeRule(this AccessRules rules, string? agent, AccessRule rule) =>
        rule.Agent == AccessRules.EveryAgent || (agent is not null && rule.Agent == agent) || rules.Allows(agent, rule.Prefix, AccessRight.Admin);

    /// <summary>True when the agent may see a lock: it holds it, or it may read some keys the lock covers.</summary>
    public static bool CanSeeLock(this AccessRules rules, string? agent, LockLease lease) =>
        (agent is not null && lease.Agent == agent)
        || (lease.IsPrefix ? rules.AllowsSomeUnder(agent, lease.Resource, AccessRight.Read) : rules.Allows(agent, lease.Resource, AccessRight.Read));

    /// <summary>
    /// True when the agent may see a change-feed event: one about a key it may read; a rule change only when it may see
    /// the rule (it concerns the agent, or the agent administers the prefix); a store-wide sync mark always.
    /// </summary>
    public static bool CanSeeEvent(this AccessRules rules, string? agent, FeedEvent feedEvent)
    {
        ArgumentNullException.ThrowIfNull(feedEvent);
        return feedEvent.Type switch
        {
            FeedEventType.AccessChanged => rules.Allows(agent, feedEvent.Key, AccessRight.Admin)
                || GranteeOf(feedEvent) is { } grantee && (grantee == AccessRules.EveryAgent || grantee == agent),
            FeedEventType.SyncComplete when feedEvent.Key.Length == 0 => true,
            FeedEventType.LockAcquired or FeedEventType.LockReleased when feedEvent.Agent is not null && feedEvent.Agent == agent => true,
            _ => rules.Allows(agent, feedEvent.Key, AccessRight.Read),
        };
    }

    private static string? GranteeOf(FeedEvent feedEvent) =>
        feedEvent.Detail is { ValueKind: JsonValueKind.Object } detail && detail.TryGetProperty("agent", out var grantee)
            && grantee.ValueKind == JsonValueKind.String
            ? grantee.GetString()
            : null;
}
