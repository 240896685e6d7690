using Mnemo.Core.Messages;

namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>Entries whose time to live has ended but that are still stored, taking space until <c>clean</c> purges them.</summary>
internal sealed class ExpiredEntriesRule : IDoctorRule
{
    public string Name => "expired";

    public async Task<IReadOnlyList<DoctorFinding>> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var expired = await context.Store.GetExpiredEntriesAsync(context.Now, context.Options.ExampleLimit, cancellationToken).ConfigureAwait(false);
        if (expired.Count == 0)
        {
            return [];
        }

        List<string> evidence =
        [
            $"{Counted.Grouped(expired.Count, "expired entry holds", "expired entries hold")} {DoctorText.Bytes(expired.Bytes)}",
            $"oldest expiry: {DoctorText.Time(expired.OldestExpiry!.Value)} ({DoctorText.Age(context.Now - expired.OldestExpiry.Value)} ago)",
            $"e.g. {string.Join(", ", expired.Examples)}",
        ];
        return
        [
            new DoctorFinding(Name, DoctorSeverity.Warning,
                $"{Counted.Grouped(expired.Count, "expired entry", "expired entries")} ({DoctorText.Bytes(expired.Bytes)}) not purged yet",
                evidence, "purge them: clean, or optimize with the purge-expired strategy (a dry run lists them first)"),
        ];
    }
}
