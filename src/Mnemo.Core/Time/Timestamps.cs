using System.Globalization;
using Mnemo.Core.Errors;

namespace Mnemo.Core.Time;

/// <summary>How Mnemo writes and reads points in time: ISO 8601 in UTC with milliseconds, stored as Unix milliseconds.</summary>
public static class Timestamps
{
    /// <summary>Formats a time as <c>2026-11-21T09:30:00.000Z</c>.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Unix milliseconds of a time.</summary>
    public static long ToUnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>A time from Unix milliseconds.</summary>
    public static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    /// <summary>Drops the sub-millisecond part, so a time compares equal after a round trip through storage.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) => FromUnixMs(ToUnixMs(time));

    /// <summary>
    /// Parses a point in time: an ISO 8601 date or date-time (UTC unless it carries an offset), or a duration meaning
    /// "that long before <paramref name="now"/>" (e.g. <c>2h</c>).
    /// </summary>
    public static DateTimeOffset ParsePoint(string text, DateTimeOffset now)
    {
        if (Durations.TryParse(text, out var ago))
        {
            return now - ago;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw new FormatException(
            $"{UserValue.Quote(text)} is not a point in time: use ISO 8601 such as 2026-11-21T09:30:00Z, or a duration ago such as 2h");
    }
}
