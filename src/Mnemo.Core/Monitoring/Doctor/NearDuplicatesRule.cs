using Mnemo.Core.Context;

namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>
/// Clusters of entries that say nearly the same thing: within each prefix, pairs sharing at least 80% of their words
/// (<see cref="NearDuplicates"/>, the measure context assembly uses), joined into clusters. Every pair is compared, so
/// each prefix is read up to <see cref="DoctorOptions.NearDuplicateLimit"/> entries, in key order, and the finding says
/// when a prefix held more.
/// </summary>
internal sealed class NearDuplicatesRule : IDoctorRule
{
    private const int PageSize = 200;

    public string Name => "near-duplicates";

    public async Task<IReadOnlyList<DoctorFinding>> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var prefixes = (await context.NamespaceReadsAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(r => DoctorContext.PrefixOf(r.Namespace), StringComparer.Ordinal)
            .Select(g => (Prefix: g.Key, Entries: g.Sum(r => r.Entries)))
            .Where(p => p.Entries >= 2)
            .ToList();
        var clusters = new List<(string Prefix, List<string> Keys)>();
        var capped = new List<string>();
        foreach (var (prefix, entries) in prefixes)
        {
            var read = await ReadAsync(context, prefix, cancellationToken).ConfigureAwait(false);
            if (entries > read.Count)
            {
                capped.Add($"{DoctorText.Prefix(prefix)} compared its first {DoctorText.Count(read.Count)} of {DoctorText.Count(entries)} entries");
            }

            clusters.AddRange(Cluster(read).Select(keys => (prefix, keys)));
        }

        if (clusters.Count == 0)
        {
            return [];
        }

        var inClusters = clusters.Sum(c => c.Keys.Count);
        var evidence = clusters
            .OrderByDescending(c => c.Keys.Count).ThenBy(c => c.Keys[0], StringComparer.Ordinal)
            .Take(context.Options.ExampleLimit)
            .Select(c => $"{DoctorText.Count(c.Keys.Count)} entries alike: {string.Join(" ~ ", c.Keys.Take(context.Options.ExampleLimit))}"
                + (c.Keys.Count > context.Options.ExampleLimit ? " ~ …" : ""))
            .ToList();
        evidence.Add($"alike: sharing at least {DoctorText.Percent(NearDuplicates.Threshold)} of their words, compared within each prefix");
        evidence.AddRange(capped.Select(c => $"capped: {c} (limit {DoctorText.Count(context.Options.NearDuplicateLimit)})"));
        return
        [
            new DoctorFinding(Name, DoctorSeverity.Info,
                $"{DoctorText.Count(clusters.Count)} near-duplicate {(clusters.Count == 1 ? "cluster" : "clusters")} "
                    + $"({DoctorText.Count(inClusters)} entries; keeping one of each leaves {DoctorText.Count(inClusters - clusters.Count)} to remove)",
                evidence,
                "compare them (mnemo get KEY) and keep one of each cluster: mnemo forget KEY for the others"),
        ];
    }

    /// <summary>The first entries of a prefix (the top level: keys without a separator), at most the limit.</summary>
    private static async Task<List<MemoryEntry>> ReadAsync(DoctorContext context, string prefix, CancellationToken cancellationToken)
    {
        var limit = context.Options.NearDuplicateLimit;
        var from = prefix.Length == 0 ? "" : prefix + Keys.MemoryKey.Separator;
        var read = new List<MemoryEntry>();
        string? after = null;
        var scanned = 0;
        do
        {
            var page = await context.Store.ListAsync(from, after, PageSize, context.Now, cancellationToken).ConfigureAwait(false);
            scanned += page.Entries.Count;
            read.AddRange(page.Entries.Where(e => prefix.Length != 0 || !e.Key.Contains(Keys.MemoryKey.Separator, StringComparison.Ordinal)));
            after = page.NextAfter;

            // The top level shares its key range with every prefix: its scan is bounded too, at a few times the limit.
        }
        while (after is not null && read.Count < limit && scanned < 4 * limit);

        return read.Count > limit ? read[..limit] : read;
    }

    /// <summary>The clusters (two entries or more) of pairs alike, each in key order.</summary>
    private static IEnumerable<List<string>> Cluster(List<MemoryEntry> entries)
    {
        var words = entries.Select(e => NearDuplicates.Words(e.Text)).ToArray();
        var parent = Enumerable.Range(0, entries.Count).ToArray();
        for (var i = 0; i < entries.Count; i++)
        {
            for (var j = i + 1; j < entries.Count; j++)
            {
                if (NearDuplicates.Similar(words[i], words[j]))
                {
                    parent[Root(parent, j)] = Root(parent, i);
                }
            }
        }

        return Enumerable.Range(0, entries.Count)
            .GroupBy(i => Root(parent, i))
            .Where(g => g.Count() > 1)
            .Select(g => g.Select(i => entries[i].Key).Order(StringComparer.Ordinal).ToList());
    }

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
