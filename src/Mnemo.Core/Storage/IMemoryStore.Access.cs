using Mnemo.Core.Coordination;

namespace Mnemo.Core.Storage;

public partial interface IMemoryStore
{
    /// <summary>The access rules now in force (cheap: reread only when another commit may have changed them).</summary>
    ValueTask<AccessRules> GetAccessRulesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Grants a rule, replacing the right an agent held on the same prefix, and records
    /// <see cref="FeedEventType.AccessChanged"/> in the same transaction. Returns false when the rule was already in force.
    /// </summary>
    ValueTask<bool> PutAccessRuleAsync(AccessRule rule, CancellationToken cancellationToken = default);

    /// <summary>Revokes an agent's rule on a prefix (recording the change); returns false when there was none.</summary>
    ValueTask<bool> RemoveAccessRuleAsync(string agent, string prefix, string? revokedBy, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Bytes of current entries by writing agent and session (those above zero), as every write keeps them.</summary>
    ValueTask<IReadOnlyList<StorageUsage>> GetUsageAsync(CancellationToken cancellationToken = default);
}
