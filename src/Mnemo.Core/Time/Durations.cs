using System.Globalization;
using Mnemo.Core.Errors;

namespace Mnemo.Core.Time;

/// <summary>Parses human durations such as <c>90s</c>, <c>15m</c>, <c>2h</c>, <c>30d</c>, <c>1w</c> or <c>1h30m</c>.</summary>
public static class Durations
{
    /// <summary>Parses a duration; throws <see cref="FormatException"/> naming the text and the accepted forms.</summary>
    public static TimeSpan Parse(string text)
    {
        if (TryParse(text, out var value))
        {
            return value;
        }

        throw new FormatException($"{UserValue.Quote(text)} is not a duration: use a number and a unit, e.g. 90s, 15m, 2h, 30d, 1w or 1h30m");
    }

    /// <summary>Tries to parse a duration.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        var total = 0.0;
        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && (char.IsAsciiDigit(span[digits]) || span[digits] == '.'))
            {
                digits++;
            }

            if (digits == 0 || digits == span.Length
                || !double.TryParse(span[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var isMilliseconds = span[digits..].StartsWith("ms", StringComparison.Ordinal);
            var unitLength = isMilliseconds ? 2 : 1;
            double? seconds = isMilliseconds ? 0.001 : span[digits] switch
            {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                'd' => 86400,
                'w' => 604800,
                _ => null,
            };
            if (seconds is null)
            {
                return false;
            }

            total += number * seconds.Value;
            span = span[(digits + unitLength)..];
        }

        if (total <= 0 || total > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(total);
        return true;
    }
}
