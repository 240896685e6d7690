namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>
/// A prefix growing much faster than the rest: the bytes its versions wrote in the last
/// <see cref="DoctorOptions.GrowthWindow"/>, relative to those written before and still kept, at least
/// <see cref="DoctorOptions.GrowthFactor"/> times the same ratio for the rest of the store. Read from the version log
/// (its write times), so it needs no metrics history; history erased by a purge is not counted.
/// </summary>
internal sealed class FastGrowthRule : IDoctorRule
{
    public string Name => "fast-growth";

    public async Task<IReadOnlyList<DoctorFinding>> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var writes = await context.Store.GetNamespaceWritesAsync(context.Now - options.GrowthWindow, cancellationToken).ConfigureAwait(false);
        var prefixes = writes
            .GroupBy(w => DoctorContext.PrefixOf(w.Namespace), StringComparer.Ordinal)
            .Select(g => (Prefix: g.Key, Recent: g.Sum(w => w.RecentBytes), Earlier: g.Sum(w => w.EarlierBytes), Versions: g.Sum(w => w.RecentVersions)))
            .ToList();
        var totalRecent = prefixes.Sum(p => p.Recent);
        var totalEarlier = prefixes.Sum(p => p.Earlier);
        var window = DoctorText.Duration(options.GrowthWindow);
        var findings = new List<DoctorFinding>();
        foreach (var p in prefixes.Where(p => p.Recent >= options.GrowthMinBytes).OrderByDescending(p => p.Recent))
        {
            var restRecent = totalRecent - p.Recent;
            var restEarlier = totalEarlier - p.Earlier;

            // Without anything written before the window elsewhere there is no rest to be faster than (a new store).
            if (restEarlier == 0)
            {
                continue;
            }

            var restGrowth = (double)restRecent / restEarlier;
            var growth = p.Earlier == 0 ? double.PositiveInfinity : (double)p.Recent / p.Earlier;
            if (growth < options.GrowthFactor * restGrowth)
            {
                continue;
            }

            var prefix = DoctorText.Prefix(p.Prefix);
            findings.Add(new DoctorFinding(Name, DoctorSeverity.Warning,
                $"{prefix} grows much faster than the rest: {DoctorText.Bytes(p.Recent)} written in the last {window}"
                    + (p.Earlier == 0 ? " (new)" : $" on {DoctorText.Bytes(p.Earlier)} before"),
                [
                    $"{prefix}: {DoctorText.Count(p.Versions)} versions, {DoctorText.Bytes(p.Recent)} in the last {window}; "
                        + $"{DoctorText.Bytes(p.Earlier)} written before{Ratio(p.Recent, p.Earlier)}",
                    $"the rest: {DoctorText.Bytes(restRecent)} in the last {window}; {DoctorText.Bytes(restEarlier)} written before{Ratio(restRecent, restEarlier)}",
                    $"threshold: {options.GrowthFactor:0.##} times the rest's growth, at least {DoctorText.Bytes(options.GrowthMinBytes)} written",
                ],
                $"see what writes there (watch the change feed of {prefix}, list {prefix}); give short-lived entries a time to live, or lower the writer's agent quota"));
        }

        return findings;
    }

    private static string Ratio(long recent, long earlier) => earlier == 0 ? "" : $" (+{DoctorText.Percent((double)recent / earlier)})";
}
