using Mnemo.Core.Keys;
using Mnemo.Core.Links;
using Mnemo.Core.Retrieval;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    // Each hop of link expansion scores a linked entry at most this share of the entry it was reached from.
    private const double ExpansionDecay = 0.5;

    /// <summary>The most entries one neighbourhood query returns.</summary>
    public const int MaxNeighbors = 1000;

    /// <summary>
    /// Links two current entries (a new link, or a new weight for an existing one with the same ends and relation).
    /// </summary>
    /// <param name="from">The key the link starts at.</param>
    /// <param name="to">The key it points to.</param>
    /// <param name="relation">What the link means (default <c>related</c>): letters, digits, <c>_</c>, <c>-</c>.</param>
    /// <param name="weight">How strong it is, 0..1 (default 1).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The link, and whether it is new.</returns>
    /// <exception cref="MnemoException">An end does not exist (<see cref="MnemoErrorCode.NotFound"/>).</exception>
    public async Task<(MemoryLink Link, bool Created)> LinkAsync(
        string from, string to, string? relation = null, double weight = 1, CancellationToken cancellationToken = default)
    {
        var normalized = LinkValidator.Validate(from, to, relation, weight);
        ThrowIfDisposed();
        var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
        Demand(rules, from, Coordination.AccessRight.Write, Agent);
        Demand(rules, to, Coordination.AccessRight.Read, Agent);
        var now = Now();
        var link = new MemoryLink(from, to, normalized, weight, Agent, now);
        var created = await _store.PutLinkAsync(link, now, cancellationToken).ConfigureAwait(false);
        return (link, created);
    }

    /// <summary>Removes the links from one entry to another, of one relation or (when null) all; returns how many.</summary>
    public async Task<int> UnlinkAsync(string from, string to, string? relation = null, CancellationToken cancellationToken = default)
    {
        MemoryKey.Validate(from, nameof(from));
        MemoryKey.Validate(to, nameof(to));
        var normalized = relation is null ? null : LinkValidator.NormalizeRelation(relation);
        ThrowIfDisposed();
        await DemandAsync(from, Coordination.AccessRight.Write, cancellationToken).ConfigureAwait(false);
        return await _store.RemoveLinksAsync(from, to, normalized, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The current entries within <paramref name="depth"/> links of a key, nearest first (breadth-first; each entry once,
    /// at its shortest distance). Links to removed or expired entries are skipped.
    /// </summary>
    /// <param name="key">Where to start; it must exist.</param>
    /// <param name="depth">How many links away to go, 1..5.</param>
    /// <param name="direction">Which links to follow.</param>
    /// <param name="relation">Only links of this relation, or all when null.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public async Task<IReadOnlyList<Neighbor>> GetNeighborsAsync(
        string key, int depth = 1, LinkDirection direction = LinkDirection.Both, string? relation = null,
        CancellationToken cancellationToken = default)
    {
        MemoryKey.Validate(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, 5);
        var only = relation is null ? null : LinkValidator.NormalizeRelation(relation);
        ThrowIfDisposed();
        var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
        Demand(rules, key, Coordination.AccessRight.Read, Agent);
        var now = Now();
        if (await _store.GetAsync(key, cancellationToken).ConfigureAwait(false) is not { } start || start.IsExpiredAt(now))
        {
            MnemoException.ThrowNotFound(key);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { key };
        var found = new List<Neighbor>();
        IReadOnlyList<string> frontier = [key];
        for (var hop = 1; hop <= depth && frontier.Count > 0 && found.Count < MaxNeighbors; hop++)
        {
            var steps = await StepAlongLinksAsync(frontier, direction, only, seen, now, cancellationToken).ConfigureAwait(false);
            foreach (var (via, link, entry) in steps.Where(step => CanRead(rules, step.Entry.Key)).Take(MaxNeighbors - found.Count))
            {
                found.Add(new Neighbor(entry, hop, via, link));
            }

            frontier = steps.Select(step => step.Entry.Key).ToList();
        }

        return found;
    }

    /// <summary>Adds the entries linked to search hits, up to <see cref="SearchFilter.Expand"/> hops, scored below the hit they hang off.</summary>
    private async Task<IReadOnlyList<SearchHit>> ExpandAsync(
        List<SearchHit> hits, SearchFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seen = hits.Select(hit => hit.Entry.Key).ToHashSet(StringComparer.Ordinal);
        var scoreOf = hits.ToDictionary(hit => hit.Entry.Key, hit => hit.Score, StringComparer.Ordinal);
        var expanded = new List<SearchHit>(hits);
        IReadOnlyList<string> frontier = [.. seen];
        for (var hop = 1; hop <= filter.Expand && frontier.Count > 0; hop++)
        {
            var steps = await StepAlongLinksAsync(frontier, LinkDirection.Both, null, seen, now, cancellationToken).ConfigureAwait(false);
            var next = new List<string>();
            foreach (var (via, link, entry) in steps)
            {
                if (!filter.Matches(entry, now))
                {
                    continue;
                }

                var score = Math.Round(scoreOf[via] * link.Weight * ExpansionDecay, 6);
                scoreOf[entry.Key] = score;
                expanded.Add(new SearchHit(entry, score, new SearchExplanation { LinkedFrom = via, LinkRelation = link.Relation }));
                next.Add(entry.Key);
            }

            frontier = next;
        }

        expanded.Sort(HybridRanker.BestFirst);
        return expanded;
    }

    /// <summary>
    /// One breadth-first step: the current entries linked to the frontier that are not yet seen (marked seen now), each
    /// with the frontier key and link it was reached by (the strongest link when several lead to it).
    /// </summary>
    private async Task<List<(string Via, MemoryLink Link, MemoryEntry Entry)>> StepAlongLinksAsync(
        IReadOnlyList<string> frontier, LinkDirection direction, string? relation, HashSet<string> seen, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var frontierSet = frontier.ToHashSet(StringComparer.Ordinal);
        var best = new Dictionary<string, (string Via, MemoryLink Link)>(StringComparer.Ordinal);
        foreach (var link in await _store.GetLinksAsync(frontier, direction, cancellationToken).ConfigureAwait(false))
        {
            if (relation is not null && link.Relation != relation)
            {
                continue;
            }

            // A link between two frontier keys may be listed from either end; take the end that is new.
            var (via, other) = frontierSet.Contains(link.From) && !seen.Contains(link.To) ? (link.From, link.To) : (link.To, link.From);
            if (seen.Contains(other) || !frontierSet.Contains(via))
            {
                continue;
            }

            if (!best.TryGetValue(other, out var current) || link.Weight > current.Link.Weight)
            {
                best[other] = (via, link);
            }
        }

        var entries = await _store.GetManyAsync([.. best.Keys], cancellationToken).ConfigureAwait(false);
        var steps = new List<(string, MemoryLink, MemoryEntry)>();
        foreach (var entry in entries.Where(entry => !entry.IsExpiredAt(now)).OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            seen.Add(entry.Key);
            var (via, link) = best[entry.Key];
            steps.Add((via, link, _access.WithBuffered(entry)));
        }

        return steps;
    }
}
