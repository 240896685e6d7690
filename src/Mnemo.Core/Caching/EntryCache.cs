namespace Mnemo.Core.Caching;

/// <summary>A bounded least-recently-used cache of current entries, kept correct across processes by the change sequence.</summary>
/// <remarks>
/// Every entry carries the sequence number of the write that produced it. A change seen in the store's change log
/// removes a cached entry only when the change is newer than it, so this process's own writes, cached as they are
/// made, survive the poll that reports them. Thread-safe; one lock, held for dictionary-sized work only.
/// </remarks>
internal sealed class EntryCache
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<MemoryEntry>> _map;
    private readonly LinkedList<MemoryEntry> _order = new();
    private readonly Lock _lock = new();

    public EntryCache(int capacity)
    {
        _capacity = capacity;
        _map = new Dictionary<string, LinkedListNode<MemoryEntry>>(Math.Min(capacity, 1024), StringComparer.Ordinal);
    }

    /// <summary>The highest change sequence number applied to the cache.</summary>
    public long AppliedSequence { get; private set; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    public bool TryGet(string key, out MemoryEntry entry)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                entry = node.Value;
                return true;
            }
        }

        entry = null!;
        return false;
    }

    /// <summary>Caches an entry unless a newer version of it is cached already.</summary>
    public void Set(MemoryEntry entry)
    {
        if (_capacity == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_map.TryGetValue(entry.Key, out var node))
            {
                if (node.Value.Sequence > entry.Sequence)
                {
                    return;
                }

                node.Value = entry;
                _order.Remove(node);
                _order.AddFirst(node);
                return;
            }

            _map[entry.Key] = _order.AddFirst(entry);
            if (_map.Count > _capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }

    /// <summary>Drops a key whatever its version (used when the caller knows it is gone).</summary>
    public void Remove(string key)
    {
        lock (_lock)
        {
            if (_map.Remove(key, out var node))
            {
                _order.Remove(node);
            }
        }
    }

    /// <summary>Applies changes from the store's change log: drops cached entries older than a change to their key.</summary>
    public void Apply(IEnumerable<(string Key, long Sequence)> changes, long lastSequence)
    {
        lock (_lock)
        {
            foreach (var (key, sequence) in changes)
            {
                if (_map.TryGetValue(key, out var node) && node.Value.Sequence < sequence)
                {
                    _map.Remove(key);
                    _order.Remove(node);
                }
            }

            AppliedSequence = Math.Max(AppliedSequence, lastSequence);
        }
    }

    /// <summary>Empties the cache and restarts from a sequence number (after a restore replaced the database).</summary>
    public void Reset(long lastSequence)
    {
        lock (_lock)
        {
            _map.Clear();
            _order.Clear();
            AppliedSequence = lastSequence;
        }
    }

    /// <summary>Empties the cache and gives back its table's memory, keeping its place in the change log; returns how many entries it held.</summary>
    public int Evict()
    {
        lock (_lock)
        {
            var count = _map.Count;
            _map.Clear();
            _map.TrimExcess();
            _order.Clear();
            return count;
        }
    }
}
