using System.Runtime.CompilerServices;
using Mnemo.Core.Coordination;
using Mnemo.Core.Errors;
using Mnemo.Core.Keys;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    private const int FeedPage = 500;

    /// <summary>The sequence number of the latest event in the change feed (0 when there is none).</summary>
    public async Task<long> GetFeedHeadAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return await _store.GetFeedHeadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A page of the change feed after a sequence number, oldest first, limited to keys under a prefix the agent may read.</summary>
    public async Task<IReadOnlyList<FeedEvent>> ReadFeedAsync(long afterSequence, string prefix = "", int limit = FeedPage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        ThrowIfDisposed();
        var rules = await DemandSomeReadableAsync(prefix, cancellationToken).ConfigureAwait(false);
        var events = await _store.ReadFeedAsync(afterSequence, prefix, limit, cancellationToken).ConfigureAwait(false);
        return rules.IsOpen ? events : events.Where(e => CanSee(rules, e)).ToList();
    }

    /// <summary>True when the engine's agent may see an event (<see cref="AccessVisibility.CanSeeEvent"/>).</summary>
    private bool CanSee(AccessRules rules, FeedEvent feedEvent) => rules.CanSeeEvent(Agent, feedEvent);

    /// <summary>
    /// Follows the change feed live: every event from <paramref name="fromSequence"/> on (default: only events after the
    /// call), each once and in sequence order, from every process writing to the store, until cancelled.
    /// </summary>
    /// <param name="fromSequence">The first sequence number to deliver; null for the events that come after now.</param>
    /// <param name="prefix">Only events about keys under this prefix ("" for all).</param>
    /// <param name="follow">False to end once every event committed so far has been delivered, instead of waiting for more.</param>
    /// <param name="cancellationToken">Ends the watch.</param>
    public async IAsyncEnumerable<FeedEvent> WatchAsync(
        long? fromSequence = null, string prefix = "", bool follow = true, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ThrowIfDisposed();
        var after = fromSequence is { } from ? Math.Max(0, from - 1) : await _store.GetFeedHeadAsync(cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            // Read the raw page (the cursor moves past events this agent may not see, which are left out below).
            var page = await _store.ReadFeedAsync(after, prefix, FeedPage, cancellationToken).ConfigureAwait(false);
            var rules = await DemandSomeReadableAsync(prefix, cancellationToken).ConfigureAwait(false);
            foreach (var feedEvent in page)
            {
                after = feedEvent.Sequence;
                if (CanSee(rules, feedEvent))
                {
                    yield return feedEvent;
                }
            }

            if (page.Count < FeedPage)
            {
                if (!follow)
                {
                    yield break;
                }

                await Task.Delay(_options.FeedPollInterval, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Records a sync_complete event (a point watchers can wait for) with a scope and an optional note; returns its sequence number.</summary>
    public async Task<long> MarkSyncCompleteAsync(string scope, string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ThrowIfDisposed();
        await DemandAsync(scope, AccessRight.Write, cancellationToken).ConfigureAwait(false);
        return await _store.AppendEventAsync(FeedEventType.SyncComplete, scope, Agent, EventDetail.Of(("note", note)), Now(), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Publishes an entry to a shared scope: a copy under <paramref name="to"/> (a key, or a prefix ending in '/' under
    /// which the entry keeps its last key segment) with its provenance in the metadata (shared_from, shared_version,
    /// shared_by), recorded as knowledge_shared. Needs read on the entry and write on the target.
    /// </summary>
    public async Task<MemoryEntry> ShareAsync(string key, string to, CancellationToken cancellationToken = default)
    {
        MemoryKey.Validate(key);
        ArgumentException.ThrowIfNullOrEmpty(to);
        var target = to.EndsWith('/') ? to + key[(key.LastIndexOf('/') + 1)..] : to;
        MemoryKey.Validate(target, nameof(to));
        if (target == key)
        {
            throw new ArgumentException($"{UserValue.Quote(key)} cannot be shared onto itself: give another key or scope to share it to", nameof(to));
        }

        ThrowIfDisposed();
        await DemandAsync(key, AccessRight.Read, cancellationToken).ConfigureAwait(false);
        var now = Now();
        var source = await _store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (source is null || source.IsExpiredAt(now))
        {
            throw MnemoErrors.NothingToShare(key);
        }

        // Cloned: when the entry has no metadata, the provenance object itself becomes the copy's metadata.
        var provenance = System.Text.Json.JsonDocument.Parse(EventDetail.Of(("shared_from", key), ("shared_version", source.Version), ("shared_by", Agent)))
            .RootElement.Clone();
        var write = new MemoryWrite
        {
            Key = target,
            Text = source.Text,
            Value = source.Value,
            Kind = source.Kind,
            Tags = source.Tags,
            Metadata = MergeObjects(source.Metadata, provenance),
            Importance = source.Importance,
        };
        var request = new WriteRequest(write)
        {
            ExpiresAt = source.ExpiresAt,
            Event = (FeedEventType.KnowledgeShared, EventDetail.Of(("from", key), ("version", source.Version), ("to", target))),
        };
        return (await WriteAsync([request], cancellationToken).ConfigureAwait(false))[0].Entry;
    }
}
