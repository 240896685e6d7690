using Mnemo.Core.Messages;

namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>
/// Entries nobody has read for <see cref="DoctorOptions.UnreadFor"/> (never read: not written either for that long), per
/// prefix: the same rule as <c>mnemo clean --unused-for</c>, so the advice removes exactly what is reported.
/// </summary>
internal sealed class UnreadEntriesRule : IDoctorRule
{
    // Evidence lines, one per prefix, the most unread first; the rest are summed in one line.
    private const int PrefixLines = 10;

    public string Name => "unread";

    public async Task<IReadOnlyList<DoctorFinding>> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var reads = await context.NamespaceReadsAsync(cancellationToken).ConfigureAwait(false);
        var prefixes = reads
            .GroupBy(r => DoctorContext.PrefixOf(r.Namespace), StringComparer.Ordinal)
            .Select(g =>
            {
                var oldest = g.MinBy(r => r.OldestUse)!;
                return (Prefix: g.Key, Entries: g.Sum(r => r.Entries), Unread: g.Sum(r => r.Unread), Bytes: g.Sum(r => r.UnreadBytes),
                    oldest.OldestUse, oldest.OldestKey);
            })
            .Where(p => p.Unread > 0)
            .OrderByDescending(p => p.Unread).ThenBy(p => p.Prefix, StringComparer.Ordinal)
            .ToList();
        if (prefixes.Count == 0)
        {
            return [];
        }

        var age = DoctorText.Duration(context.Options.UnreadFor);
        var evidence = prefixes.Take(PrefixLines)
            .Select(p => $"{DoctorText.Prefix(p.Prefix)}: {DoctorText.Count(p.Unread)} of {DoctorText.Count(p.Entries)} entries "
                + $"({DoctorText.Percent((double)p.Unread / p.Entries)}, {DoctorText.Bytes(p.Bytes)}) unread for {age}; "
                + $"longest unused: {p.OldestKey}, last used {DoctorText.Time(p.OldestUse)}")
            .ToList();
        if (prefixes.Count > PrefixLines)
        {
            var rest = prefixes.Skip(PrefixLines).ToList();
            evidence.Add($"and {DoctorText.Count(rest.Count)} more prefixes with {DoctorText.Count(rest.Sum(p => p.Unread))} unread entries");
        }

        var total = prefixes.Sum(p => p.Unread);
        return
        [
            new DoctorFinding(Name, DoctorSeverity.Info,
                $"{Counted.Grouped(total, "entry", "entries")} ({DoctorText.Bytes(prefixes.Sum(p => p.Bytes))}) in {DoctorText.Count(prefixes.Count)} "
                    + $"{(prefixes.Count == 1 ? "prefix" : "prefixes")} not read for {age}",
                evidence,
                $"if they are no longer needed: clean what was unused for {age} (a dry run lists them first)"),
        ];
    }
}
