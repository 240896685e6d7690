using Mnemo.Core.Monitoring.Analysis;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>
    /// Measures health (<see cref="GetHealthAsync"/>) and runs the doctor's rules (<see cref="DiagnoseAsync"/>), and
    /// turns what they found into recommendations: each input at or over the warning score, each leak, each finding, with
    /// the command and the <c>mnemo optimize</c> strategies that act on it. Reads only.
    /// </summary>
    public async Task<PerformanceAnalysis> AnalyzeAsync(CancellationToken cancellationToken = default)
    {
        var health = await GetHealthAsync(cancellationToken).ConfigureAwait(false);
        var doctor = await DiagnoseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return PerformanceAnalysis.Of(health, doctor);
    }
}
