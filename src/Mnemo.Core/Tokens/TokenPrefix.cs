namespace Mnemo.Core.Tokens;

/// <summary>Finds the longest prefix of a text within a token budget by counting candidate prefixes.</summary>
/// <remarks>
/// A BPE count is not monotone in the prefix length: "individual" is one token, "indivi" two. A binary search keeps
/// the invariant "the low end fits, the high end overflows", so it ends at a prefix that fits and whose next longer
/// prefix overflows; a short look past that point then catches the dips of a word that merges back into fewer tokens.
/// Every length returned has been counted, so the budget holds whatever the counter does.
/// </remarks>
internal static class TokenPrefix
{
    /// <summary>Characters past a found boundary that are still tried, for a word that merges into fewer tokens.</summary>
    internal const int Lookahead = 16;

    // The first step of the gallop from a hint: about two tokens of English.
    private const int FirstStep = 8;

    /// <summary>
    /// The length of the longest prefix of <paramref name="text"/> with at most <paramref name="maxTokens"/> tokens by
    /// <paramref name="count"/>; <paramref name="hint"/> is a guess near the answer (such as the tokenizer's own index
    /// of the budget's last token) that saves counts.
    /// </summary>
    public static int LongestLength(string text, int maxTokens, Func<string, int> count, int? hint)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokens);
        if (count(text) <= maxTokens)
        {
            return text.Length;
        }

        bool Fits(int length) => count(text[..length]) <= maxTokens;

        // Invariant: lo fits (the empty prefix has no tokens), hi overflows.
        var lo = 0;
        var hi = text.Length;
        if (hint is { } guess && guess > 0 && guess < text.Length)
        {
            (lo, hi) = Bracket(text, AlignDown(text, guess), Fits);
        }

        while (NextCut(text, lo) < hi)
        {
            var mid = AlignDown(text, lo + ((hi - lo) / 2));
            if (mid <= lo)
            {
                mid = NextCut(text, lo);
            }

            if (Fits(mid))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        // lo fits and the next cut overflows; a longer prefix may fit again within the same word.
        for (var cut = NextCut(text, lo); cut < text.Length && cut <= lo + Lookahead; cut = NextCut(text, cut))
        {
            if (Fits(cut))
            {
                lo = cut;
            }
        }

        return lo;
    }

    /// <summary>Gallops from <paramref name="guess"/> to a fitting low end and an overflowing high end around the answer.</summary>
    private static (int Lo, int Hi) Bracket(string text, int guess, Func<int, bool> fits)
    {
        var step = FirstStep;
        if (fits(guess))
        {
            var lo = guess;
            while (lo + step < text.Length && fits(AlignDown(text, lo + step)))
            {
                lo = AlignDown(text, lo + step);
                step *= 2;
            }

            return (lo, lo + step < text.Length ? AlignDown(text, lo + step) : text.Length);
        }

        var hi = guess;
        while (hi - step > 0 && !fits(AlignDown(text, hi - step)))
        {
            hi = AlignDown(text, hi - step);
            step *= 2;
        }

        return (hi - step > 0 ? AlignDown(text, hi - step) : 0, hi);
    }

    /// <summary><paramref name="index"/>, or one less when it would cut a surrogate pair in two.</summary>
    internal static int AlignDown(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) && char.IsHighSurrogate(text[index - 1])
            ? index - 1
            : index;

    /// <summary>The next prefix length after <paramref name="index"/> that does not cut a surrogate pair.</summary>
    private static int NextCut(string text, int index) =>
        index + 1 < text.Length && char.IsHighSurrogate(text[index]) && char.IsLowSurrogate(text[index + 1]) ? index + 2 : index + 1;
}
