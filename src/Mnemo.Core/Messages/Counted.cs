using System.Globalization;

namespace Mnemo.Core.Messages;

/// <summary>A count with its noun in the right number, for messages people read: "1 entry", "2 entries".</summary>
/// <remarks>
/// Every face prints counts (the CLI's summaries, Core's messages that reach the CLI and MCP); this keeps them from
/// saying "1 entries". Numbers use the invariant culture, so output does not change with the machine's locale.
/// </remarks>
public static class Counted
{
    /// <summary>"1 entry", "0 entries", "2 entries".</summary>
    /// <param name="count">How many.</param>
    /// <param name="singular">The noun for exactly one, e.g. "entry".</param>
    /// <param name="plural">The noun for any other count, e.g. "entries".</param>
    public static string Of(long count, string singular, string plural) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {Noun(count, singular, plural)}";

    /// <summary>As <see cref="Of(long, string, string)"/>, with thousands separators: "1,234 entries".</summary>
    internal static string Grouped(long count, string singular, string plural) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {Noun(count, singular, plural)}";

    /// <summary>The noun alone, in the number <paramref name="count"/> asks for.</summary>
    public static string Noun(long count, string singular, string plural) => count == 1 ? singular : plural;
}
