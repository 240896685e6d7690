using System.Globalization;

namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>How monitoring writes figures in its texts (doctor findings, optimisation summaries): the same units and forms everywhere, culture-independent.</summary>
internal static class DoctorText
{
    private static readonly string[] s_units = ["B", "KiB", "MiB", "GiB", "TiB"];

    /// <summary>Bytes in binary units with one decimal above a KiB: "12.3 MiB".</summary>
    public static string Bytes(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < s_units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {s_units[unit]}");
    }

    /// <summary>A count with thousands separators: "12,345".</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A time as UTC to the second: "2026-12-07 20:53:20Z".</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A duration in the largest whole unit that fits: "30d", "12h", "5m", "40s".</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 && span.Ticks % TimeSpan.TicksPerDay == 0 ? string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalDays}d")
        : span.TotalHours >= 1 && span.Ticks % TimeSpan.TicksPerHour == 0 ? string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalHours}h")
        : span.TotalMinutes >= 1 && span.Ticks % TimeSpan.TicksPerMinute == 0 ? string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalMinutes}m")
        : string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalSeconds}s");

    /// <summary>How long ago, in the largest whole unit (rounded down): "3d", "4h", "12m", "40s".</summary>
    public static string Age(TimeSpan span) =>
        span.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalDays}d")
        : span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalHours}h")
        : span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalMinutes}m")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (long)span.TotalSeconds)}s");

    /// <summary>A share as a percentage with no decimal: "42%".</summary>
    public static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0}%");

    /// <summary>A text cut to <paramref name="length"/> characters on one line, quoted: "the first words…".</summary>
    public static string Quote(string text, int length = 40)
    {
        var line = text.ReplaceLineEndings(" ");
        return "\"" + (line.Length <= length ? line : line[..length] + "…") + "\"";
    }

    /// <summary>The prefix a namespace is reported under (its first segment), shown with its separator: "notes/" or "(top level)".</summary>
    public static string Prefix(string prefix) => prefix.Length == 0 ? "(top level)" : prefix + Keys.MemoryKey.Separator;
}
