using System.Globalization;
using Mnemo.Core.Errors;

namespace Mnemo.Core.Entries;

/// <summary>Reads a decimal number a person typed (an importance, a weight) the one way Mnemo writes numbers: a '.' point.</summary>
/// <remarks>
/// A comma is refused rather than guessed at: <c>0,5</c> is a half in many locales and five in others (a thousands
/// separator), and reading it either way would silently store the wrong number for someone.
/// </remarks>
public static class DecimalText
{
    private const NumberStyles Style = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Parses <paramref name="text"/> as a finite number with '.' as the decimal point; throws <see cref="FormatException"/> naming <paramref name="what"/>.</summary>
    public static double Parse(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains(','))
        {
            throw new FormatException(
                $"{what} {UserValue.Quote(text)} has a comma, which is ambiguous (a decimal comma or a thousands separator): write the decimal point as '.', e.g. 0.5");
        }

        return double.TryParse(text, Style, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"{what} {UserValue.Quote(text)} is not a number: give a decimal number such as 0.8");
    }
}
