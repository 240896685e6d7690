using System.Globalization;

namespace Mnemo.Core.Context;

/// <summary>
/// Whether two texts say nearly the same thing, by the overlap of their word sets (Jaccard similarity): cheap,
/// deterministic and independent of the embedder, which is what a context that must be reproducible needs.
/// </summary>
internal static class NearDuplicates
{
    /// <summary>The share of shared words at or above which two texts count as near-duplicates.</summary>
    public const double Threshold = 0.8;

    /// <summary>The lower-cased words (letters and digits) of <paramref name="text"/>.</summary>
    public static HashSet<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLower(CultureInfo.InvariantCulture));
                start = -1;
            }
        }

        return words;
    }

    /// <summary>Whether two word sets share at least <see cref="Threshold"/> of their union; two empty sets do not.</summary>
    public static bool Similar(HashSet<string> a, HashSet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        // The Jaccard similarity is at most small/large: skip counting when even that is too low.
        if ((double)small.Count / large.Count < Threshold)
        {
            return false;
        }

        var shared = small.Count(large.Contains);
        return (double)shared / (a.Count + b.Count - shared) >= Threshold;
    }
}
