using Mnemo.Core.Retrieval;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    // How many candidates each list contributes at least.
    private const int RrfCandidates = 30;


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
        filter = Normalize(filter ?? new SearchFilter());
        ThrowIfDisposed();
        var rules = await DemandSomeReadableAsync(filter.Prefix, cancellationToken).ConfigureAwait(false);
        await _store.CatchUpTextIndexAsync(cancellationToken).ConfigureAwait(false);
        var found = await _store.SearchTextAsync(query, filter, Now(), cancellationToken).ConfigureAwait(false);
        var best = found.Count > 0 ? found[0].Score : 0;
        var entries = (await _store.GetManyAsync([.. found.Select(hit => hit.Key)], cancellationToken).ConfigureAwait(false))
            .ToDictionary(entry => entry.Key, StringComparer.Ordinal);
        return found.Where(hit => entries.ContainsKey(hit.Key) && CanRead(rules, hit.Key))
            .Select(hit => new SearchHit(entries[hit.Key], best > 0 ? Math.Round(hit.Score / best, 6) : 0))
            .ToList();
    }

    /// <summary>
    /// Hybrid recall: the entries that best match a question in its own words. Full-text (BM25) and vector candidates
    /// are fused by reciprocal rank, so an entry found by both ranks above one found by either, then adjusted by recency,
    /// importance and use (<see cref="MnemoOptions.Ranking"/>); scores are 0..1. With <see cref="SearchFilter.Expand"/>,
    /// entries linked to the results follow them. Any text is a valid query; the indexes are brought up to date first.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        filter = Normalize(filter ?? new SearchFilter());
        ThrowIfDisposed();
        var rules = await DemandSomeReadableAsync(filter.Prefix, cancellationToken).ConfigureAwait(false);
        var candidates = Math.Max(RrfCandidates, filter.Limit * 3);
        var now = Now();

        // The two lists come from different places (SQLite's full-text index, the in-memory vector index), so they are
        // gathered at once: a hybrid search takes about as long as the slower of the two.
        var vectorSearch = filter.Mode == SearchMode.FullText
            ? Task.FromResult(new List<(string Key, double Similarity)>())
            : Task.Run(() => VectorCandidatesAsync(query, filter, candidates, now, cancellationToken), cancellationToken);
        IReadOnlyList<(string Key, double Score)> text = [];
        if (filter.Mode != SearchMode.Vector)
        {
            await _store.CatchUpTextIndexAsync(cancellationToken).ConfigureAwait(false);
            text = await _store.SearchTextAsync(query, filter with { Limit = candidates }, now, cancellationToken).ConfigureAwait(false);
        }

        var vector = await vectorSearch.ConfigureAwait(false);
        var keys = text.Select(hit => hit.Key).Union(vector.Select(hit => hit.Key), StringComparer.Ordinal).ToList();
        var entries = (await _store.GetManyAsync(keys, cancellationToken).ConfigureAwait(false))
            .Where(entry => !entry.IsExpiredAt(now))
            .ToDictionary(entry => entry.Key, StringComparer.Ordinal);
        var ranked = filter.Mode switch
        {
            SearchMode.FullText => HybridRanker.Rank(text, vector, 1, 0, entries, _options.Ranking, now),
            SearchMode.Vector => HybridRanker.Rank(text, vector, 0, 1, entries, _options.Ranking, now),
            _ => HybridRanker.Rank(text, vector, 1, await VectorListWeightAsync(cancellationToken).ConfigureAwait(false), entries, _options.Ranking, now),
        };
        if (!rules.IsOpen)
        {
            ranked.RemoveAll(hit => !CanRead(rules, hit.Entry.Key));
        }

        var hits = ranked.Count > filter.Limit ? ranked.GetRange(0, filter.Limit) : ranked;
        if (filter.Expand == 0)
        {
            return hits;
        }

        var expanded = await ExpandAsync(hits, filter, now, cancellationToken).ConfigureAwait(false);
        return rules.IsOpen ? expanded : expanded.Where(hit => CanRead(rules, hit.Entry.Key)).ToList();
    }

    /// <summary>How much the vector list counts in hybrid fusion: as configured, else half for the built-in embedder.</summary>
    private async ValueTask<double> VectorListWeightAsync(CancellationToken cancellationToken) =>
        _options.Ranking.VectorList ?? ((await CatalogAsync(cancellationToken).ConfigureAwait(false)).Embedder is Embeddings.HashingEmbedder
            ? RankingWeights.BuiltinVectorList
            : 1.0);

    /// <summary>The current entries nearest to the query's embedding that pass the filter, best first.</summary>
    private async Task<List<(string Key, double Similarity)>> VectorCandidatesAsync(
        string query, SearchFilter filter, int candidates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var catalog = await CatalogAsync(cancellationToken).ConfigureAwait(false);
        await catalog.CatchUpAsync(_store, null, cancellationToken).ConfigureAwait(false);
        var embedded = await catalog.EmbedQueryAsync(query, cancellationToken).ConfigureAwait(false);
        var nearest = (await catalog.SearchAsync(embedded, candidates * 2, filter.Prefix, cancellationToken).ConfigureAwait(false))
            .Where(n => n.Similarity >= _options.MinVectorSimilarity)
            .ToList();
        var allowed = await _store.FilterCurrentAsync(nearest.Select(n => n.Sequence).ToList(), filter, now, cancellationToken).ConfigureAwait(false);
        var keyOf = allowed.ToDictionary(a => a.Sequence, a => a.Key);
        return nearest.Where(n => keyOf.ContainsKey(n.Sequence)).Take(candidates).Select(n => (keyOf[n.Sequence], n.Similarity)).ToList();
    }

    private static SearchFilter Normalize(SearchFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter.Prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter.Limit, 1000);
        ArgumentOutOfRangeException.ThrowIfNegative(filter.Expand);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter.Expand, 3);
        if (filter.Since > filter.Until)
        {
            throw new ArgumentException($"the time range is empty: since {filter.Since:O} is after until {filter.Until:O}", nameof(filter));
        }

        return filter with
        {
            Kind = filter.Kind is null ? null : Entries.EntryValidator.NormalizeKind(filter.Kind),
            Tags = Entries.EntryValidator.NormalizeTags(filter.Tags),
            Agent = filter.Agent is null ? null : Entries.EntryValidator.NormalizeAgent(filter.Agent),
        };
    }
}
