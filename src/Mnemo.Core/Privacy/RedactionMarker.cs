using System.Text;
using System.Text.RegularExpressions;

namespace Mnemo.Core.Privacy;

/// <summary>The text that takes a secret's place, <c>[REDACTED:kind]</c>, and how to find it again.</summary>
/// <remarks>
/// A marker holds one '[' (its first character) and one ']' (its last), so two markers never overlap and a marker
/// cannot be formed across the boundary of another: finding them is unambiguous, which redaction's idempotence rests on.
/// </remarks>
internal static partial class RedactionMarker
{
    /// <summary>The longest kind name.</summary>
    public const int MaxKindLength = 64;

    private const string Prefix = "[REDACTED:";

    /// <summary>Appends the marker of <paramref name="kind"/>.</summary>
    public static void Append(StringBuilder builder, string kind) => builder.Append(Prefix).Append(kind).Append(']');

    /// <summary>Whether <paramref name="kind"/> can appear in a marker: 1 to 64 of a-z, 0-9, '-', '_', not starting with '-' or '_'.</summary>
    public static bool IsValidKind(string kind) => kind.Length <= MaxKindLength && Kind().IsMatch(kind);

    /// <summary>The markers in a text, in order.</summary>
    public static Regex Markers() => Marker();

    [GeneratedRegex(@"\[REDACTED:[a-z0-9][a-z0-9_-]{0,63}\]", RegexOptions.CultureInvariant, BuiltInDetectors.MatchTimeoutMilliseconds)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9_-]*\z", RegexOptions.CultureInvariant, BuiltInDetectors.MatchTimeoutMilliseconds)]
    private static partial Regex Kind();
}
