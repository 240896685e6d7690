namespace Mnemo.Core.Retrieval;

/// <summary>
/// The key of every indexed version and, for each namespace (a whole-segment key prefix such as "a/" or "a/b/"), the
/// versions under it, so that a namespace filter costs the namespace's size rather than a scan of every key.
/// </summary>
/// <remarks>Not thread-safe: the vector catalog guards it with its lock.</remarks>
internal sealed class NamespaceMembers
{
    private readonly Dictionary<long, string> _keys = [];
    private readonly Dictionary<string, HashSet<long>> _members = new(StringComparer.Ordinal);

    /// <summary>Versions known.</summary>
    public int Count => _keys.Count;

    /// <summary>Records that version <paramref name="sequence"/> holds <paramref name="key"/>.</summary>
    public void Set(long sequence, string key)
    {
        Remove(sequence);
        _keys[sequence] = key;
        for (var end = key.IndexOf('/'); end >= 0; end = key.IndexOf('/', end + 1))
        {
            var prefix = key[..(end + 1)];
            if (!_members.TryGetValue(prefix, out var members))
            {
                _members[prefix] = members = [];
            }

            members.Add(sequence);
        }
    }

    /// <summary>Forgets version <paramref name="sequence"/>.</summary>
    public void Remove(long sequence)
    {
        if (!_keys.Remove(sequence, out var key))
        {
            return;
        }

        for (var end = key.IndexOf('/'); end >= 0; end = key.IndexOf('/', end + 1))
        {
            var prefix = key[..(end + 1)];
            if (_members.TryGetValue(prefix, out var members) && members.Remove(sequence) && members.Count == 0)
            {
                _members.Remove(prefix);
            }
        }
    }

    /// <summary>
    /// The versions whose key starts with <paramref name="prefix"/>: a stored set for a whole-segment prefix, else the
    /// members of its longest whole-segment part whose keys match the rest.
    /// </summary>
    public IReadOnlySet<long> Under(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var end = prefix.LastIndexOf('/');
        if (end == prefix.Length - 1)
        {
            return _members.GetValueOrDefault(prefix) ?? (IReadOnlySet<long>)new HashSet<long>();
        }

        IEnumerable<long> candidates = end < 0 ? _keys.Keys : _members.GetValueOrDefault(prefix[..(end + 1)]) ?? [];
        return candidates.Where(sequence => _keys[sequence].StartsWith(prefix, StringComparison.Ordinal)).ToHashSet();
    }
}
