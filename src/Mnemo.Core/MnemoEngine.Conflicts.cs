using Mnemo.Core.Coordination;
using Mnemo.Core.Errors;
using Mnemo.Core.Keys;
using Mnemo.Core.Storage;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>Sets the conflict policy of every key under a prefix (null clears it; then a shorter prefix's, else last-write-wins applies). Needs admin.</summary>
    public async Task SetConflictPolicyAsync(string prefix, ConflictPolicy? policy, CancellationToken cancellationToken = default)
    {
        ValidatePrefix(prefix);
        if (policy is { } p && !Enum.IsDefined(p))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "the policy is last-write-wins, merge or manual");
        }

        ThrowIfDisposed();
        await DemandAsync(prefix, AccessRight.Admin, cancellationToken).ConfigureAwait(false);
        await _store.SetConflictPolicyAsync(prefix, policy, Agent, Now(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The conflict policies set, by prefix.</summary>
    public async Task<IReadOnlyList<ConflictPolicyRule>> ListConflictPoliciesAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return await _store.ListConflictPoliciesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes kept as siblings (manual policy) under a prefix and readable by this agent, by key then age.</summary>
    public async Task<IReadOnlyList<Sibling>> ListConflictsAsync(string prefix = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ThrowIfDisposed();
        var rules = await DemandSomeReadableAsync(prefix, cancellationToken).ConfigureAwait(false);
        var siblings = await _store.ListSiblingsAsync(prefix, cancellationToken).ConfigureAwait(false);
        return siblings.Where(sibling => CanRead(rules, sibling.Key)).ToList();
    }

    /// <summary>
    /// Ends a manual conflict: keeps the current entry and discards its siblings (<paramref name="siblingId"/> null), or
    /// writes the chosen sibling as the entry's next version and discards the others, in one transaction.
    /// </summary>
    /// <returns>The entry as it is after the resolution.</returns>
    public async Task<MemoryEntry?> ResolveConflictAsync(string key, long? siblingId, CancellationToken cancellationToken = default)
    {
        MemoryKey.Validate(key);
        ThrowIfDisposed();
        await DemandAsync(key, AccessRight.Write, cancellationToken).ConfigureAwait(false);
        var siblings = (await _store.ListSiblingsAsync(key, cancellationToken).ConfigureAwait(false)).Where(s => s.Key == key).ToList();
        if (siblings.Count == 0)
        {
            throw MnemoErrors.NoConflict(key);
        }

        var now = Now();
        var current = await _store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        var version = current is { } c && !c.IsExpiredAt(now) ? c.Version : 0;
        if (siblingId is null)
        {
            await _store.DiscardSiblingsAsync(key, version, Agent, now, cancellationToken).ConfigureAwait(false);
            return current;
        }

        var chosen = siblings.FirstOrDefault(s => s.Id == siblingId) ?? throw MnemoErrors.NoSibling(key, siblingId.Value, siblings.Select(s => s.Id));
        var write = new MemoryWrite
        {
            Key = key,
            Text = chosen.Text,
            Value = chosen.Value,
            Kind = chosen.Kind,
            Tags = chosen.Tags,
            Metadata = chosen.Metadata,
            Importance = chosen.Importance,
            ExpectedVersion = version,
        };
        var request = new WriteRequest(write)
        {
            ClearsSiblings = true,
            Event = (FeedEventType.ConflictDetected, EventDetail.Of(("outcome", "resolved"), ("kept", "sibling"), ("sibling", chosen.Id),
                ("sibling_agent", chosen.Agent), ("discarded", siblings.Count - 1))),
        };
        return (await WriteAsync([request], cancellationToken).ConfigureAwait(false))[0].Entry;
    }

    /// <summary>
    /// Prepares a validated write made from <see cref="MemoryWrite.BaseVersion"/> against the entry as it is now
    /// (<paramref name="live"/>, null when there is none).
    /// </summary>
    private async Task<(PreparedWrite, ConflictOutcome?)> SettleAsync(
        WriteRequest request, MemoryWrite write, MemoryEntry? live, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var baseVersion = write.BaseVersion!.Value;
        var actual = live?.Version ?? 0;
        if (actual == baseVersion)
        {
            return (Encode(request, write with { ExpectedVersion = actual }, now, changed: false), null);
        }

        // Writing over a removed entry conflicts with nothing that could be kept: the write simply lands.
        var policy = live is null ? ConflictPolicy.LastWriteWins : await _store.GetConflictPolicyAsync(write.Key, cancellationToken).ConfigureAwait(false);
        string Detail(string outcome, string? fields = null) => EventDetail.Of(("policy", ConflictPolicies.Name(policy)), ("base_version", baseVersion),
            ("current_version", actual), ("outcome", outcome), ("fields", fields));
        if (policy == ConflictPolicy.Merge)
        {
            var ancestor = baseVersion > 0 ? await _store.GetVersionAsync(write.Key, baseVersion, cancellationToken).ConfigureAwait(false) : null;
            var (merged, unmergeable) = ThreeWayMerge.Merge(ancestor, live!, write);
            if (unmergeable.Count > 0)
            {
                var fields = string.Join(", ", unmergeable);
                await _store.AppendEventAsync(FeedEventType.ConflictDetected, write.Key, write.Agent, Detail("unmergeable", fields), now, cancellationToken)
                    .ConfigureAwait(false);
                throw MnemoErrors.MergeConflict(write.Key, baseVersion, actual, fields);
            }

            write = merged with { BaseVersion = null };
        }

        var resolution = policy switch
        {
            ConflictPolicy.Merge => ConflictResolution.Merged,
            ConflictPolicy.Manual => ConflictResolution.KeptAsSibling,
            _ => ConflictResolution.Overwritten,
        };
        var settled = Encode(request, write with { ExpectedVersion = actual }, now, changed: policy == ConflictPolicy.Merge) with
        {
            SiblingOf = resolution == ConflictResolution.KeptAsSibling ? baseVersion : null,
            Event = (FeedEventType.ConflictDetected, Detail(ConflictPolicies.Name(resolution))),
        };
        return (settled, new ConflictOutcome(policy, baseVersion, actual, resolution));
    }
}
