namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>Agents and sessions at or above the warning share of their quota (<see cref="MnemoOptions.QuotaWarningFraction"/>).</summary>
internal sealed class QuotaRule : IDoctorRule
{
    public string Name => "quota";

    public async Task<IReadOnlyList<DoctorFinding>> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var usage = await context.Engine.GetQuotaUsageAsync(cancellationToken).ConfigureAwait(false);
        return
        [
            .. usage.Where(u => u.IsWarning).Select(u => new DoctorFinding(Name, u.Fraction >= 1 ? DoctorSeverity.Critical : DoctorSeverity.Warning,
                $"{(u.IsSession ? "session" : "agent")} '{u.Name}' uses {DoctorText.Percent(u.Fraction)} of its quota",
                [
                    $"{DoctorText.Bytes(u.Bytes)} of {DoctorText.Bytes(u.QuotaBytes)}",
                    $"warning from {DoctorText.Percent(u.WarningFraction)}; writes beyond the quota fail",
                ],
                $"free space: mnemo clean (expired), mnemo forget PATTERN for what {(u.IsSession ? "the session" : "the agent")} no longer needs; "
                    + $"or raise the quota ({(u.IsSession ? "MNEMO_SESSION_QUOTA" : "MNEMO_AGENT_QUOTA")})")),
        ];
    }
}
