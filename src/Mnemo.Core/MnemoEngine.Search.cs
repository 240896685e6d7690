using System.Globalization;
using Mnemo.Core.Embeddings;
using Mnemo.Core.Retrieval;
using Mnemo.Core.Storage;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    // How many candidates each signal contributes at least.
    private const int MinCandidates = 30;

    /// <summary>
    /// Full-text search (BM25, with stemming) over current entries that pass the filter, best first, each scored by how
    /// much of the query's words it holds (0..1, weighed by rarity: the same scale for every query). Any text is a valid
    /// query. The index is brought up to date with every write first.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> FullTextSearchAsync(
        string query, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        filter = Normalize(filter ?? new SearchFilter());
        ThrowIfDisposed();
        var rules = await DemandSomeReadableAsync(filter.Prefix, cancellationToken).ConfigureAwait(false);
        await _store.CatchUpTextIndexAsync(cancellationToken).ConfigureAwait(false);
        var found = await _store.SearchTextAsync(query, filter, Now(), cancellationToken).ConfigureAwait(false);
        var entries = (await _store.GetManyAsync([.. found.Hits.Select(hit => hit.Key)], cancellationToken).ConfigureAwait(false))
            .Select(_access.WithBuffered)
            .ToDictionary(entry => entry.Key, StringComparer.Ordinal);
        return found.Hits.Where(hit => entries.ContainsKey(hit.Key) && CanRead(rules, hit.Key))
            .Select(hit => new SearchHit(entries[hit.Key], Math.Round(HybridRanker.TextValue(hit.Score, found.FullMatchScore), 6)))
            .ToList();
    }

    /// <summary>
    /// Hybrid recall: the entries that best match a question in its own words or its meaning. Full-text (BM25) and vector
    /// candidates are scored on scales that mean the same for every query and fused with weights
    /// (<see cref="HybridRanker"/>), then adjusted by recency, importance and use (<see cref="MnemoOptions.Ranking"/>);
    /// scores are 0..1, and <see cref="SearchFilter.MinScore"/> drops weaker hits. With <see cref="SearchFilter.Expand"/>,
    /// entries linked to the results follow them. Any text is a valid query; the indexes are brought up to date first.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        filter = Normalize(filter ?? new SearchFilter());
        ThrowIfDisposed();
        var rules = await DemandSomeReadableAsync(filter.Prefix, cancellationToken).ConfigureAwait(false);
        var candidates = Math.Max(MinCandidates, filter.Limit * 3);
        var now = Now();

        // The two lists come from different places (SQLite's full-text index, the in-memory vector index), so they are
        // gathered at once: a hybrid search takes about as long as the slower of the two.
        var vectorSearch = filter.Mode == SearchMode.FullText
            ? Task.FromResult<VectorCandidates?>(null)
            : Task.Run(() => VectorCandidatesAsync(query, filter, candidates, now, cancellationToken), cancellationToken);
        var text = TextMatches.None;
        if (filter.Mode != SearchMode.Vector)
        {
            await _store.CatchUpTextIndexAsync(cancellationToken).ConfigureAwait(false);
            text = await _store.SearchTextAsync(query, filter with { Limit = candidates }, now, cancellationToken).ConfigureAwait(false);
        }

        var vector = await vectorSearch.ConfigureAwait(false);
        var keys = text.Hits.Select(hit => hit.Key).Union(vector?.Nearest.Select(hit => hit.Key) ?? [], StringComparer.Ordinal).ToList();
        var entries = (await _store.GetManyAsync(keys, cancellationToken).ConfigureAwait(false))
            .Where(entry => !entry.IsExpiredAt(now) && (rules.IsOpen || CanRead(rules, entry.Key)))
            .Select(_access.WithBuffered)
            .ToDictionary(entry => entry.Key, StringComparer.Ordinal);
        var fused = await BothSignalsAsync(filter, keys, entries.Values, text, vector, cancellationToken).ConfigureAwait(false);
        var scale = _options.Ranking.Similarity ?? vector?.Catalog.Similarity ?? SimilarityScale.Unknown;
        var vectorShare = filter.Mode switch
        {
            SearchMode.FullText => 0,
            SearchMode.Vector => 1,
            _ => _options.Ranking.VectorShare ?? scale.VectorShare,
        };
        var ranked = HybridRanker.Rank(fused, text.FullMatchScore, scale, vectorShare, entries, _options.Ranking, now);
        ranked.RemoveAll(hit => hit.Score < filter.MinScore);
        var hits = ranked.Count > filter.Limit ? ranked.GetRange(0, filter.Limit) : ranked;
        if (vector?.Catalog is { Window: { } window } catalog)
        {
            hits = DescribeEmbeddings(hits, window, catalog.ContextRules);
        }

        if (filter.Expand == 0)
        {
            return hits;
        }

        var expanded = await ExpandAsync(hits, filter, now, cancellationToken).ConfigureAwait(false);
        return rules.IsOpen ? expanded : expanded.Where(hit => CanRead(rules, hit.Entry.Key)).ToList();
    }

    /// <summary>
    /// Each candidate with both of its signals: the cosine of entries full text found is computed from their vectors, and
    /// (in hybrid mode) entries found by meaning alone get the BM25 the full-text search gave them below its cut, since
    /// they may hold some of the query's words. Every candidate is then judged on both, not on one and an assumed zero.
    /// </summary>
    private static async Task<List<SearchCandidate>> BothSignalsAsync(
        SearchFilter filter, List<string> keys, IEnumerable<MemoryEntry> entries, TextMatches text, VectorCandidates? vector,
        CancellationToken cancellationToken)
    {
        var similarities = await SimilaritiesAsync(vector, entries, cancellationToken).ConfigureAwait(false);
        var textScores = text.Hits.ToDictionary(hit => hit.Key, hit => hit.Score, StringComparer.Ordinal);
        if (filter.Mode == SearchMode.Hybrid)
        {
            foreach (var entry in entries)
            {
                if (!textScores.ContainsKey(entry.Key) && text.Scores.TryGetValue(entry.Sequence, out var score))
                {
                    textScores[entry.Key] = score;
                }
            }
        }

        return keys.Select(key => new SearchCandidate(
            key, textScores.TryGetValue(key, out var bm25) ? bm25 : null, similarities.TryGetValue(key, out var cosine) ? cosine : null)).ToList();
    }

    /// <summary>The query's vector, the vector index it was compared with, and the current entries nearest to it that pass the filter.</summary>
    private sealed record VectorCandidates(VectorCatalog Catalog, float[] Query, List<(string Key, double Similarity)> Nearest);

    /// <summary>The current entries nearest to the query's embedding that pass the filter, best first.</summary>
    private async Task<VectorCandidates?> VectorCandidatesAsync(
        string query, SearchFilter filter, int candidates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var catalog = await CatalogAsync(cancellationToken).ConfigureAwait(false);
        await catalog.CatchUpAsync(_store, null, cancellationToken).ConfigureAwait(false);
        var embedded = await catalog.EmbedQueryAsync(query, cancellationToken).ConfigureAwait(false);
        return new VectorCandidates(catalog, embedded, await NearestAsync(catalog, embedded, filter, candidates, now, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The current entries nearest to a vector that pass the filter and <see cref="MnemoOptions.MinVectorSimilarity"/>, best first.</summary>
    private async Task<List<(string Key, double Similarity)>> NearestAsync(
        VectorCatalog catalog, float[] vector, SearchFilter filter, int candidates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = await catalog.SearchAsync(_store, vector, candidates * 2, filter.Prefix, cancellationToken).ConfigureAwait(false);
        return await CurrentNearestAsync(catalog, found, filter, candidates, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Of vector matches (best first), the current entries that pass the filter and the similarity floor, with their keys.</summary>
    private async Task<List<(string Key, double Similarity)>> CurrentNearestAsync(VectorCatalog catalog, IReadOnlyList<(long Sequence, double Similarity)> found,
        SearchFilter filter, int candidates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var least = _options.MinVectorSimilarity ?? (_options.Ranking.Similarity ?? catalog.Similarity).Floor;
        var nearest = found.Where(n => n.Similarity >= least).ToList();
        var allowed = await _store.FilterCurrentAsync(nearest.Select(n => n.Sequence).ToList(), filter, now, cancellationToken).ConfigureAwait(false);
        var keyOf = allowed.ToDictionary(a => a.Sequence, a => a.Key);
        return nearest.Where(n => keyOf.ContainsKey(n.Sequence)).Take(candidates).Select(n => (keyOf[n.Sequence], n.Similarity)).ToList();
    }

    /// <summary>The query's similarity to every candidate entry: from the vector search where it found the entry, else compared now.</summary>
    private static async Task<Dictionary<string, double>> SimilaritiesAsync(
        VectorCandidates? vector, IEnumerable<MemoryEntry> entries, CancellationToken cancellationToken)
    {
        if (vector is null)
        {
            return [];
        }

        var known = vector.Nearest.ToDictionary(hit => hit.Key, hit => hit.Similarity, StringComparer.Ordinal);
        var missing = entries.Where(entry => !known.ContainsKey(entry.Key)).ToDictionary(entry => entry.Sequence, entry => entry.Key);
        foreach (var (sequence, similarity) in await vector.Catalog.SimilaritiesAsync(vector.Query, missing.Keys, cancellationToken).ConfigureAwait(false))
        {
            known[missing[sequence]] = similarity;
        }

        return known;
    }

    /// <summary>Says, for hits whose indexed text is longer than the model's window, how it was embedded.</summary>
    private static List<SearchHit> DescribeEmbeddings(List<SearchHit> hits, IEmbeddingWindow window, IndexContextRules rules) =>
        hits.Select(hit =>
        {
            var tokens = window.CountTokens(IndexedText.Of(hit.Entry, rules.For(hit.Entry.Key)));
            if (tokens <= window.MaxTokens || hit.Explanation is null)
            {
                return hit;
            }

            var windows = (tokens + window.MaxTokens - 1) / window.MaxTokens;
            var note = window.LongTextPolicy == "chunked"
                ? string.Create(CultureInfo.InvariantCulture, $"chunked: {tokens} tokens in {windows} windows of {window.MaxTokens}")
                : string.Create(CultureInfo.InvariantCulture, $"{window.LongTextPolicy}: {tokens} tokens, the first {window.MaxTokens} embedded");
            return hit with { Explanation = hit.Explanation with { Embedding = note } };
        }).ToList();

    private static SearchFilter Normalize(SearchFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter.Prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter.Limit, 1000);
        ArgumentOutOfRangeException.ThrowIfNegative(filter.Expand);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter.Expand, 3);
        if (!double.IsFinite(filter.MinScore) || filter.MinScore is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(filter), filter.MinScore, "the minimum score is 0..1: e.g. 0.3");
        }

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
