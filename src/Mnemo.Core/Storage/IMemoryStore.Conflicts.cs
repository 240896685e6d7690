using Mnemo.Core.Coordination;

namespace Mnemo.Core.Storage;

public partial interface IMemoryStore
{
    /// <summary>The conflict policy of the longest prefix set that the key starts with; last-write-wins when none is.</summary>
    ValueTask<ConflictPolicy> GetConflictPolicyAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Every conflict policy set, by prefix.</summary>
    ValueTask<IReadOnlyList<ConflictPolicyRule>> ListConflictPoliciesAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets (or with null, clears) the policy of a prefix, recording <see cref="FeedEventType.PolicyChanged"/>.</summary>
    ValueTask SetConflictPolicyAsync(string prefix, ConflictPolicy? policy, string? agent, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Writes kept as siblings under keys that start with the prefix, by key then age.</summary>
    ValueTask<IReadOnlyList<Sibling>> ListSiblingsAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// Discards every sibling of a key, keeping the current entry, and records the resolution; returns how many were
    /// discarded. When <paramref name="expectedVersion"/> is given and the entry is no longer at it, changes nothing and
    /// throws <see cref="MnemoConflictException"/>.
    /// </summary>
    ValueTask<int> DiscardSiblingsAsync(string key, long? expectedVersion, string? agent, DateTimeOffset now, CancellationToken cancellationToken = default);
}
