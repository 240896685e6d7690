using Mnemo.Core.Coordination;

namespace Mnemo.Core.Storage;

public partial interface IMemoryStore
{
    /// <summary>
    /// Feed events after a sequence number, oldest first: entry versions (as <see cref="FeedEventType.MemoryUpdated"/> or
    /// <see cref="FeedEventType.MemoryDeleted"/>) and the stored events, merged in sequence order.
    /// </summary>
    /// <param name="afterSequence">Only events after this one.</param>
    /// <param name="prefix">Only events whose key starts with it ("" for all).</param>
    /// <param name="limit">At most this many events.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<IReadOnlyList<FeedEvent>> ReadFeedAsync(long afterSequence, string prefix, int limit, CancellationToken cancellationToken = default);

    /// <summary>Appends an event to the feed in its own transaction and returns its sequence number.</summary>
    /// <param name="type">Not <see cref="FeedEventType.MemoryUpdated"/> or <see cref="FeedEventType.MemoryDeleted"/>, which entry writes record.</param>
    /// <param name="key">The key or resource concerned ("" for none).</param>
    /// <param name="agent">Who caused it.</param>
    /// <param name="detailJson">A JSON object with the event's fields, or null.</param>
    /// <param name="now">When.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask<long> AppendEventAsync(FeedEventType type, string key, string? agent, string? detailJson, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Deletes stored events (not entry versions, which are history) committed before a time; returns how many.</summary>
    ValueTask<long> TrimFeedAsync(DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>The sequence number of the latest change or event (0 for an empty store).</summary>
    ValueTask<long> GetFeedHeadAsync(CancellationToken cancellationToken = default);
}
