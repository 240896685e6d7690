namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>
/// Links with an end that is no longer a live entry (forgotten, expired or evicted). They are kept, and come back if the
/// key is written again, but nothing follows them meanwhile.
/// </summary>
internal sealed class OrphanLinksRule : IDoctorRule
{
    public string Name => "orphan-links";

    public async Task<IReadOnlyList<DoctorFinding>> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var orphans = await context.Store.FindOrphanLinksAsync(context.Now, context.Options.ExampleLimit, cancellationToken).ConfigureAwait(false);
        if (orphans.Count == 0)
        {
            return [];
        }

        // Which end is gone, for the examples only: one read of their keys.
        var ends = orphans.Examples.SelectMany(l => new[] { l.From, l.To }).Distinct(StringComparer.Ordinal).ToList();
        var live = (await context.Store.GetManyAsync(ends, cancellationToken).ConfigureAwait(false))
            .Where(e => !e.IsExpiredAt(context.Now)).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var evidence = orphans.Examples
            .Select(l => $"{l.From} -[{l.Relation}]-> {l.To} ({string.Join(" and ", new[] { l.From, l.To }.Where(k => !live.Contains(k)).Distinct(StringComparer.Ordinal))} gone)")
            .ToList();
        return
        [
            new DoctorFinding(Name, DoctorSeverity.Info,
                $"{DoctorText.Count(orphans.Count)} {(orphans.Count == 1 ? "link has an end" : "links have an end")} that is no longer an entry",
                evidence,
                "remove them (mnemo unlink FROM TO), or store the missing key again if it was removed by mistake"),
        ];
    }
}
