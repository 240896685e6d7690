namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>
/// Contradicting versions: a key whose content went back to an earlier one (A, then B, then A again in consecutive
/// versions), a sign that writers disagree about a fact and overwrite each other.
/// </summary>
internal sealed class RevertedValuesRule : IDoctorRule
{
    public string Name => "contradicting-versions";

    public async Task<IReadOnlyList<DoctorFinding>> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var reverted = await context.Store.FindRevertedKeysAsync(context.Options.ExampleLimit, cancellationToken).ConfigureAwait(false);
        if (reverted.Keys == 0)
        {
            return [];
        }

        var evidence = new List<string>();
        foreach (var (key, count) in reverted.Examples)
        {
            // The example's own history says which versions flipped: bounded by the example limit, one key each.
            var history = await context.Store.GetHistoryAsync(key, cancellationToken).ConfigureAwait(false);
            evidence.Add($"{key}: changed back {DoctorText.Count(count)} {(count == 1 ? "time" : "times")}{LatestFlip(history)}");
        }

        return
        [
            new DoctorFinding(Name, DoctorSeverity.Warning,
                $"{DoctorText.Count(reverted.Keys)} {(reverted.Keys == 1 ? "key" : "keys")} changed back and forth (A -> B -> A)",
                evidence,
                "writers disagree: read the key's history, settle the value, and have writers pass the version they read (a base version) "
                    + "under a manual or merge conflict policy for the prefix, so that a stale write is kept aside instead of reverting it"),
        ];
    }

    /// <summary>The latest A, B, A of a history (oldest first), as ": v3 "A" -> v4 "B" -> v5 "A"".</summary>
    private static string LatestFlip(IReadOnlyList<EntryVersion> history)
    {
        for (var i = history.Count - 1; i >= 2; i--)
        {
            if (history[i].Entry is { } c && history[i - 1].Entry is { } b && history[i - 2].Entry is { } a
                && Content(a) == Content(c) && Content(a) != Content(b))
            {
                return $": v{a.Version} {DoctorText.Quote(a.Text)} -> v{b.Version} {DoctorText.Quote(b.Text)} -> v{c.Version} {DoctorText.Quote(c.Text)}";
            }
        }

        return "";
    }

    private static (string Text, string? Value) Content(MemoryEntry entry) => (entry.Text, entry.Value?.GetRawText());
}
