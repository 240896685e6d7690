namespace Mnemo.Core.Coordination;

/// <summary>How much of its quota an agent or a session uses.</summary>
/// <param name="IsSession">True for a session, false for an agent.</param>
/// <param name="Name">The agent's name or the session's id.</param>
/// <param name="Bytes">Bytes of current entries it last wrote (texts, values, metadata).</param>
/// <param name="QuotaBytes">Its quota.</param>
/// <param name="WarningFraction">The share of the quota from which usage is a warning.</param>
public sealed record QuotaUsage(bool IsSession, string Name, long Bytes, long QuotaBytes, double WarningFraction)
{
    /// <summary>The share of the quota used (above 1 when a quota was lowered below the usage).</summary>
    public double Fraction => (double)Bytes / QuotaBytes;

    /// <summary>True from the warning share on.</summary>
    public bool IsWarning => Fraction >= WarningFraction;

    /// <summary>A one-line warning for a user, naming the scope, the usage and the quota.</summary>
    public string Describe() =>
        $"{(IsSession ? "session" : "agent")} '{Name}' uses {Bytes:N0} of its {QuotaBytes:N0}-byte quota ({Fraction:P0})";
}
