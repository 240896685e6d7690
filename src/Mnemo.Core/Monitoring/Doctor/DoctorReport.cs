namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>What <see cref="MnemoEngine.DiagnoseAsync"/> found: the findings of every rule run, most severe first.</summary>
/// <param name="Findings">The findings, most severe first, then in the order of the rules.</param>
/// <param name="RulesRun">The names of the rules that ran, in order.</param>
/// <param name="At">When the diagnosis was made (the engine's clock).</param>
/// <param name="Took">How long it took.</param>
public sealed record DoctorReport(IReadOnlyList<DoctorFinding> Findings, IReadOnlyList<string> RulesRun, DateTimeOffset At, TimeSpan Took)
{
    /// <summary>The highest severity among the findings, or null when there is none.</summary>
    public DoctorSeverity? Worst => Findings.Count == 0 ? null : Findings.Max(finding => finding.Severity);
}
