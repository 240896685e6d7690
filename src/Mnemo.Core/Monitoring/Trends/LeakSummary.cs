using System.Globalization;

namespace Mnemo.Core.Monitoring.Trends;

/// <summary>Writes a leak verdict as one sentence.</summary>
internal static class LeakSummary
{
    public static string Describe(LeakStatus status, MannKendallResult trend, LeakDetectorOptions options)
    {
        string unit = UnitName(options.RateUnit);
        string level = Number(trend.ConfidenceLevel * 100);
        string rate = Number(MannKendallResult.SlopePer(trend.SlopePerSecond, options.RateUnit));
        string lower = Number(MannKendallResult.SlopePer(trend.SlopeLowerPerSecond, options.RateUnit));
        string upper = Number(MannKendallResult.SlopePer(trend.SlopeUpperPerSecond, options.RateUnit));
        string minimum = Number(options.MinimumRate);
        string p = trend.PValueIncreasing.ToString("G2", CultureInfo.InvariantCulture);
        string alpha = options.Significance.ToString(CultureInfo.InvariantCulture);
        string window = string.Create(CultureInfo.InvariantCulture, $"the last {trend.Count} samples ({trend.Start:u} to {trend.End:u})");
        return status switch
        {
            LeakStatus.Leak => $"Leak: a sustained rise of {rate} per {unit} ({level}% interval {lower} to {upper}, above the minimum {minimum}) over {window}; Mann-Kendall p = {p} < {alpha}.",
            LeakStatus.SlowRise => $"A significant but slow rise over {window}: Mann-Kendall p = {p} < {alpha}, but the slope {rate} per {unit} ({level}% interval {lower} to {upper}) does not stay above the minimum {minimum}; not called a leak.",
            _ => $"No sustained rise over {window}: Mann-Kendall p = {p}, not below {alpha}; slope {rate} per {unit} ({level}% interval {lower} to {upper}).",
        };
    }

    private static string UnitName(TimeSpan unit) =>
        unit == TimeSpan.FromSeconds(1) ? "second"
        : unit == TimeSpan.FromMinutes(1) ? "minute"
        : unit == TimeSpan.FromHours(1) ? "hour"
        : unit == TimeSpan.FromDays(1) ? "day"
        : unit.ToString("c", CultureInfo.InvariantCulture);

    // Large magnitudes (bytes) read best with group separators and no decimals; small ones need significant digits.
    private static string Number(double value) =>
        Math.Abs(value) >= 100
            ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);
}
