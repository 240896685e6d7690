using System.Globalization;
using System.Text;

namespace Mnemo.Core.Errors;

/// <summary>Puts a value the caller gave into an error message so that the message stays one readable line.</summary>
/// <remarks>
/// Messages are printed as one line (the CLI cuts at the first line break), so a key or a tag holding a newline would
/// cut the message short, and other control characters or unpaired surrogates would garble a terminal or fail a JSON
/// writer. Every message that quotes a user's value goes through <see cref="Quote"/>: such characters are shown as
/// escapes (<c>\n</c>, <c>\t</c>, <c>\u0007</c>, <c>\ud800</c>) and very long values are shortened.
/// </remarks>
public static class UserValue
{
    /// <summary>Characters of a value shown before it is shortened with an ellipsis.</summary>
    public const int MaxShownLength = 120;

    /// <summary>The value in single quotes, with control characters and unpaired surrogates escaped and a long value shortened.</summary>
    public static string Quote(string? value) => $"'{Escape(value)}'";

    /// <summary>The value with control characters and unpaired surrogates escaped and a long value shortened, without quotes.</summary>
    public static string Escape(string? value)
    {
        if (value is null)
        {
            return "";
        }

        var shown = value.Length > MaxShownLength ? value.AsSpan(0, MaxShownLength) : value.AsSpan();
        if (shown.Length == value.Length && !NeedsEscape(value))
        {
            return value;
        }

        var builder = new StringBuilder(shown.Length + 8);
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            if (char.IsHighSurrogate(c) && i + 1 < shown.Length && char.IsLowSurrogate(shown[i + 1]))
            {
                builder.Append(c).Append(shown[++i]);
                continue;
            }

            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029'
                    => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        if (shown.Length < value.Length)
        {
            builder.Append(CultureInfo.InvariantCulture, $"... ({value.Length} characters)");
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }
}
