namespace Mnemo.Core.Monitoring.Health;

/// <summary>The pressure score: a deterministic function from measured inputs to 0-100 (docs/design-notes.md, "Health:
/// the pressure score").</summary>
/// <remarks>
/// Each input <c>i</c> with a measured value <c>vᵢ</c> and a threshold <c>Tᵢ</c> gives the part
/// <c>pᵢ = clamp(vᵢ / Tᵢ × W, 0, 100)</c>, where <c>W</c> is the warning score
/// (<see cref="HealthThresholds.MemoryPressure"/>, default 70): an input at its threshold scores exactly <c>W</c>, so
/// "over a threshold" and "a warning" are the same thing whatever <c>W</c> is. The score is the largest part, rounded to
/// one decimal, and the input giving it is the report's driver: pressure is as high as its worst source, and averaging
/// would let a full machine hide behind an empty store. An input not measured gives 0. The score is monotone in every
/// value and falls when a threshold rises.
/// </remarks>
public static class PressureScore
{
    /// <summary>An input's part: <c>clamp(value / threshold × warningScore, 0, 100)</c>; 0 when the value is null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not positive or the warning score is outside [1, 100].</exception>
    public static double Part(double? value, double threshold, double warningScore)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(warningScore, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(warningScore, 100);
        return value is { } v && double.IsFinite(v) ? Math.Clamp(v / threshold * warningScore, 0, 100) : 0;
    }

    /// <summary>The score of parts: the largest, rounded to one decimal; 0 without inputs.</summary>
    public static double Of(IEnumerable<HealthInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Math.Round(inputs.Select(input => input.Part).DefaultIfEmpty(0).Max(), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>The status a score gives under <paramref name="thresholds"/>, before leaks are considered.</summary>
    public static HealthStatus StatusOf(double score, HealthThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return score >= thresholds.CriticalPressure ? HealthStatus.Critical
            : score >= thresholds.MemoryPressure ? HealthStatus.Warning
            : HealthStatus.Healthy;
    }
}
