namespace Mnemo.Core.Graph;

/// <summary>
/// Narrows a case-insensitive substring search (<see cref="string.Contains(string, StringComparison)"/> with
/// <see cref="StringComparison.OrdinalIgnoreCase"/>) to the items that can match, without looking at every item: each
/// item is listed under every three-character sequence of its texts, folded to upper case, so the items that contain a
/// query are among those listed under all of the query's sequences.
/// </summary>
/// <remarks>
/// Candidates are a superset of the matches (folding may join characters that ordinal-ignore-case keeps apart, and the
/// sequences of a query may be spread over several texts of an item): the caller checks each one. Ordinal-ignore-case
/// compares characters by their invariant upper case, so two characters it takes for equal always fold alike, and no
/// match is missed. Queries shorter than three characters, or holding surrogate pairs (compared as whole code points),
/// cannot be narrowed this way.
/// </remarks>
/// <typeparam name="T">The items, compared by reference.</typeparam>
internal sealed class SubstringIndex<T>
    where T : class
{
    private const int GramLength = 3;

    private readonly Dictionary<ulong, HashSet<T>> _postings = [];

    /// <summary>Lists <paramref name="item"/> under the sequences of <paramref name="texts"/>.</summary>
    public void Add(T item, IEnumerable<string> texts)
    {
        foreach (var gram in GramsOf(texts))
        {
            if (!_postings.TryGetValue(gram, out var items))
            {
                items = new HashSet<T>(ReferenceEqualityComparer.Instance);
                _postings[gram] = items;
            }

            items.Add(item);
        }
    }

    /// <summary>Removes <paramref name="item"/>, listed earlier with the same <paramref name="texts"/>.</summary>
    public void Remove(T item, IEnumerable<string> texts)
    {
        foreach (var gram in GramsOf(texts))
        {
            if (_postings.TryGetValue(gram, out var items) && items.Remove(item) && items.Count == 0)
            {
                _postings.Remove(gram);
            }
        }
    }

    /// <summary>
    /// The items that may contain <paramref name="query"/> (every item that does is among them), or null when the query
    /// cannot be narrowed (see the remarks of the type) and every item is a candidate.
    /// </summary>
    public IReadOnlyCollection<T>? Candidates(string query)
    {
        if (!CanNarrow(query))
        {
            return null;
        }

        var lists = new List<HashSet<T>>();
        foreach (var gram in GramsOf([query]))
        {
            if (!_postings.TryGetValue(gram, out var items))
            {
                return [];
            }

            lists.Add(items);
        }

        // Walk the shortest list and keep what every other list holds: the cost follows the rarest sequence, not the store.
        lists.Sort((a, b) => a.Count.CompareTo(b.Count));
        var candidates = new List<T>();
        foreach (var item in lists[0])
        {
            var inAll = true;
            for (var i = 1; i < lists.Count && inAll; i++)
            {
                inAll = lists[i].Contains(item);
            }

            if (inAll)
            {
                candidates.Add(item);
            }
        }

        return candidates;
    }

    /// <summary>True when <see cref="Candidates"/> narrows <paramref name="query"/>.</summary>
    public static bool CanNarrow(string query) => query.Length >= GramLength && !query.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF');

    /// <summary>The character every character that ordinal-ignore-case takes for <paramref name="c"/> folds to as well.</summary>
    internal static char Fold(char c) => c < 0x80
        ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c)
        : char.ToUpperInvariant(c);

    private static HashSet<ulong> GramsOf(IEnumerable<string> texts)
    {
        var grams = new HashSet<ulong>();
        foreach (var text in texts)
        {
            for (var i = 0; i + GramLength <= text.Length; i++)
            {
                grams.Add(((ulong)Fold(text[i]) << 32) | ((ulong)Fold(text[i + 1]) << 16) | Fold(text[i + 2]));
            }
        }

        return grams;
    }
}
