using Mnemo.Core.Storage;

namespace Mnemo.Core.Caching;

/// <summary>Buffers reads by key so that a read does not cost a write; flushed to the store in one transaction.</summary>
internal sealed class AccessRecorder
{
    private readonly Lock _lock = new();
    private Dictionary<string, (long Count, DateTimeOffset Last)> _pending = new(StringComparer.Ordinal);

    public bool HasPending
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count > 0;
            }
        }
    }

    /// <summary>Keys whose reads wait for the next flush.</summary>
    public int PendingKeys
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Counts one read of a key; returns the reads of it buffered since the last drain, this one included.</summary>
    public long Record(string key, DateTimeOffset at)
    {
        lock (_lock)
        {
            ref var tally = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_pending, key, out _);
            tally = (tally.Count + 1, at);
            return tally.Count;
        }
    }

    /// <summary>
    /// <paramref name="entry"/> as read from the store plus the reads of it buffered here (none recorded): what a search
    /// or a walk along links shows, so that it counts the same reads as a get whether or not the buffer has been flushed.
    /// </summary>
    public MemoryEntry WithBuffered(MemoryEntry entry)
    {
        lock (_lock)
        {
            return _pending.TryGetValue(entry.Key, out var tally)
                ? entry with { AccessCount = entry.AccessCount + tally.Count, AccessedAt = tally.Last }
                : entry;
        }
    }

    /// <summary>Takes everything buffered, leaving the buffer empty.</summary>
    public IReadOnlyList<AccessTally> Drain()
    {
        Dictionary<string, (long Count, DateTimeOffset Last)> taken;
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                return [];
            }

            taken = _pending;
            _pending = new Dictionary<string, (long Count, DateTimeOffset Last)>(StringComparer.Ordinal);
        }

        return taken.Select(pair => new AccessTally(pair.Key, pair.Value.Count, pair.Value.Last)).ToList();
    }
}
