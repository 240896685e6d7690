using Mnemo.Core.Coordination;
using Mnemo.Core.Storage;

namespace Mnemo.Core;

/// <summary>
/// What the knowledge graph (<see cref="Graph.KnowledgeGraph"/>) needs from the store beyond the public calls: the change
/// sequence and raw reads to keep its in-memory view current, the caller's read rights to filter that view's answers
/// with, and removals of many keys in one transaction.
/// </summary>
public sealed partial class MnemoEngine
{
    /// <summary>The engine's present time, as every visibility decision of the engine sees it.</summary>
    internal DateTimeOffset CurrentTime => Now();

    /// <summary>Changes after a sequence number, from any process; nearly free when nobody committed since the last look.</summary>
    internal ValueTask<ChangeBatch> ReadChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _store.GetChangesAsync(afterSequence, limit, cancellationToken);
    }

    /// <summary>A page of the entries under a prefix as stored, whatever the caller may read (the caller filters).</summary>
    internal ValueTask<EntryPage> ListStoredAsync(string prefix, string? after, int limit, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _store.ListAsync(prefix, after, limit, Now(), cancellationToken);
    }

    /// <summary>The current entries of the keys, as stored (expired ones included), whatever the caller may read.</summary>
    internal ValueTask<IReadOnlyList<MemoryEntry>> GetStoredAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _store.GetManyAsync(keys, cancellationToken);
    }

    /// <summary>The access rules to filter reads under <paramref name="prefix"/> with; throws when the caller may read nothing there.</summary>
    internal ValueTask<AccessRules> ReadRulesUnderAsync(string prefix, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return DemandSomeReadableAsync(prefix, cancellationToken);
    }

    /// <summary>True when the caller may read <paramref name="key"/> under <paramref name="rules"/>.</summary>
    internal bool MayRead(AccessRules rules, string key) => CanRead(rules, key);

    /// <summary>Throws <see cref="MnemoErrorCode.AccessDenied"/> unless the caller may read <paramref name="key"/>.</summary>
    internal void DemandRead(AccessRules rules, string key) => Demand(rules, key, AccessRight.Read, Agent);

    /// <summary>
    /// Forgets every key that is current, whatever its version, in one transaction (keys that are not current are
    /// skipped); returns the keys removed. The caller must hold write on each.
    /// </summary>
    internal async Task<IReadOnlyList<string>> ForgetCurrentAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        if (keys.Count == 0)
        {
            return [];
        }

        var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            Demand(rules, key, AccessRight.Write, Agent);
        }

        var requests = keys.Select(key => new RemoveRequest(key, null, FenceOf(null))).ToList();
        var removed = await _store.RemoveAsync(requests, ChangeKind.Delete, Agent, Now(), purgeHistory: false, cancellationToken).ConfigureAwait(false);
        foreach (var key in removed)
        {
            _cache.Remove(key);
        }

        return removed;
    }
}
