using Mnemo.Core.Retrieval;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>
    /// Full-text search (BM25, with stemming) over current entries that pass the filter, best first, with scores
    /// normalised to 0..1 (the best hit scores 1). Any text is a valid query. The index is brought up to date with
    /// every write first.
    /// </summary>
    /// <remarks>This is the word-matching half of recall; ranking that also uses meaning comes with hybrid search.</remarks>
    public async Task<IReadOnlyList<SearchHit>> FullTextSearchAsync(
        string query, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        filter ??= new SearchFilter();
        ArgumentNullException.ThrowIfNull(filter.Prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter.Limit, 1000);
        filter = filter with
        {
            Kind = filter.Kind is null ? null : Entries.EntryValidator.NormalizeKind(filter.Kind),
            Tags = Entries.EntryValidator.NormalizeTags(filter.Tags),
        };
        ThrowIfDisposed();
        await _store.CatchUpTextIndexAsync(cancellationToken).ConfigureAwait(false);
        var found = await _store.SearchTextAsync(query, filter, Now(), cancellationToken).ConfigureAwait(false);
        var best = found.Count > 0 ? found[0].Score : 0;
        var hits = new List<SearchHit>(found.Count);
        foreach (var (key, score) in found)
        {
            if (await _store.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                hits.Add(new SearchHit(entry, best > 0 ? Math.Round(score / best, 6) : 0));
            }
        }

        return hits;
    }
}
