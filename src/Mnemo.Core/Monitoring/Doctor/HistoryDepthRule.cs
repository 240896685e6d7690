namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>Keys with very many versions kept (at least <see cref="DoctorOptions.HistoryDepth"/>): every version stays in the store.</summary>
internal sealed class HistoryDepthRule : IDoctorRule
{
    public string Name => "history-depth";

    public async Task<IReadOnlyList<DoctorFinding>> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var deep = await context.Store.FindDeepHistoriesAsync(context.Options.HistoryDepth, context.Options.ExampleLimit, cancellationToken)
            .ConfigureAwait(false);
        if (deep.Keys == 0)
        {
            return [];
        }

        List<string> evidence = [.. deep.Examples.Select(e => $"{e.Key}: {DoctorText.Count(e.Count)} versions")];
        evidence.Add($"threshold: {DoctorText.Count(context.Options.HistoryDepth)} versions");
        return
        [
            new DoctorFinding(Name, DoctorSeverity.Info,
                $"{DoctorText.Count(deep.Keys)} {(deep.Keys == 1 ? "key keeps" : "keys keep")} at least {DoctorText.Count(context.Options.HistoryDepth)} versions",
                evidence,
                "a key rewritten this often may be state rather than memory: keep it with mnemo state save (bounded history), "
                    + "or forget a key with its whole history (purge history)"),
        ];
    }
}
