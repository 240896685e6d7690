using Mnemo.Core.Retrieval;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>
    /// Full-text search (BM25, with stemming) over current entries whose keys start with <paramref name="prefix"/>,
    /// best first. Any text is a valid query. The index is brought up to date with every write first.
    /// </summary>
    /// <remarks>This is the word-matching half of recall; ranking that also uses meaning comes with hybrid search.</remarks>
    public async Task<IReadOnlyList<SearchHit>> FullTextSearchAsync(
        string query, string prefix = "", int limit = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ThrowIfDisposed();
        await _store.CatchUpTextIndexAsync(cancellationToken).ConfigureAwait(false);
        var found = await _store.SearchTextAsync(query, prefix, limit, Now(), cancellationToken).ConfigureAwait(false);
        var hits = new List<SearchHit>(found.Count);
        foreach (var (key, score) in found)
        {
            if (await _store.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                hits.Add(new SearchHit(entry, score));
            }
        }

        return hits;
    }
}
