namespace Mnemo.Core.Tokens;

/// <summary>Splits text into sentences and cuts it to a token budget at sentence boundaries.</summary>
/// <remarks>
/// A sentence ends at '.', '!' or '?' (and any run of them, closing quotes or brackets) followed by whitespace, and at
/// every line break. Kept simple on purpose: a period after a single letter ("J. Smith"), a dotted abbreviation
/// ("e.g.", "p.m.") or a few common abbreviations ("Dr.", "etc.") does not end a sentence; anything cleverer needs a
/// language model of its own.
/// </remarks>
internal static class Sentences
{
    /// <summary>Appended to a sentence cut in the middle, when it still fits.</summary>
    internal const string Ellipsis = "…";

    private static readonly HashSet<string> s_abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "cf", "no", "fig", "approx", "inc", "ltd",
    };

    /// <summary>The sentences of <paramref name="text"/>, each without surrounding whitespace, empty ones left out.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var start = 0;
        foreach (var end in Ends(text))
        {
            var sentence = text[start..end].Trim();
            if (sentence.Length > 0)
            {
                sentences.Add(sentence);
            }

            start = end;
        }

        return sentences;
    }

    /// <summary>Where each sentence of <paramref name="text"/> starts and ends, without surrounding whitespace, empty ones left out.</summary>
    public static IReadOnlyList<(int Start, int End)> Spans(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<(int Start, int End)>();
        var start = 0;
        foreach (var end in Ends(text))
        {
            var first = start;
            var last = end;
            while (first < last && char.IsWhiteSpace(text[first]))
            {
                first++;
            }

            while (last > first && char.IsWhiteSpace(text[last - 1]))
            {
                last--;
            }

            if (last > first)
            {
                spans.Add((first, last));
            }

            start = end;
        }

        return spans;
    }

    /// <summary>
    /// The longest run of whole leading sentences of <paramref name="text"/> within <paramref name="maxTokens"/>; when
    /// even the first sentence does not fit, that sentence cut at the token budget, ending in "…" if that still fits.
    /// </summary>
    /// <remarks>Never more than <paramref name="maxTokens"/> tokens by <paramref name="counter"/>: every answer is counted.</remarks>
    public static string CutAtSentences(string text, ITokenCounter counter, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokens);

        var whole = text.TrimEnd();
        if (counter.CountTokens(whole) <= maxTokens)
        {
            return whole;
        }

        // Prefixes ending at sentence ends, trailing whitespace dropped; the whole text is known not to fit.
        var ends = Ends(text).Select(end => text.AsSpan(0, end).TrimEnd().Length).Where(end => end > 0).Distinct().ToList();
        bool Fits(int index) => counter.CountTokens(text[..ends[index]]) <= maxTokens;

        // Binary search on the invariant "ends[lo] fits, ends[hi] does not" (lo = -1: nothing fits yet).
        var lo = -1;
        var hi = ends.Count - 1;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (Fits(mid))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo >= 0 ? text[..ends[lo]] : CutSentence(text[..ends[0]].TrimStart(), counter, maxTokens);
    }

    /// <summary>A sentence too long for the budget, cut at its token prefix, with the ellipsis when it fits too.</summary>
    private static string CutSentence(string sentence, ITokenCounter counter, int maxTokens)
    {
        var cut = sentence[..counter.PrefixLength(sentence, maxTokens)].TrimEnd();
        if (cut.Length == 0)
        {
            return cut;
        }

        if (counter.CountTokens(cut + Ellipsis) <= maxTokens)
        {
            return cut + Ellipsis;
        }

        // Make room for the ellipsis by giving up a token of text: a reader, or a model, should see the sentence goes on.
        var shorter = sentence[..counter.PrefixLength(sentence, Math.Max(0, maxTokens - 1))].TrimEnd();
        return shorter.Length > 0 && counter.CountTokens(shorter + Ellipsis) <= maxTokens ? shorter + Ellipsis : cut;
    }

    /// <summary>The offsets just after each sentence's end (its terminator or line break), the last being the text's length.</summary>
    private static IEnumerable<int> Ends(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                // A "\r\n" pair is one break.
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                yield return i + 1;
            }
            else if (c is '.' or '!' or '?')
            {
                var end = i + 1;
                while (end < text.Length && text[end] is '.' or '!' or '?' or '"' or '\'' or ')' or ']' or '”' or '’' or '»')
                {
                    end++;
                }

                if (end < text.Length && char.IsWhiteSpace(text[end]) && !(c == '.' && IsAbbreviation(text, i)))
                {
                    yield return end;
                }

                i = end - 1;
            }
        }

        if (text.Length > 0)
        {
            yield return text.Length;
        }
    }

    /// <summary>Whether the word before the period at <paramref name="period"/> is a single letter or a known abbreviation.</summary>
    private static bool IsAbbreviation(string text, int period)
    {
        var start = period;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        // Dotted abbreviations ("e.g.", "p.m.", "U.S.") have a period inside.
        var word = text[start..period];
        if (word.Contains('.', StringComparison.Ordinal))
        {
            return true;
        }

        // "I" is a word of its own, and often ends a sentence ("So did I.").
        return (word.Length == 1 && word != "I") || s_abbreviations.Contains(word);
    }
}
