namespace Mnemo.Embeddings.Onnx.Internal;

/// <summary>Cuts a text's tokens into windows the model can read, for texts longer than its window.</summary>
internal static class TokenWindows
{
    // How far a cut may move back to fall between two words instead of inside one. Words rarely have more pieces.
    private const int MaxWordBackoff = 16;

    /// <summary>
    /// Windows of at most <paramref name="maxLength"/> tokens that together cover <paramref name="tokens"/> in order:
    /// one window when the text fits (also when it is empty), else as few windows as fit, of about equal length, each
    /// cut moved back to a word start when one is near.
    /// </summary>
    /// <remarks>
    /// Equal lengths rather than full windows and a short rest: the windows' vectors are averaged, and a rest of ten
    /// tokens would count as much as five hundred. Cuts between words keep every window's words whole.
    /// </remarks>
    public static List<ArraySegment<long>> Split(long[] tokens, int maxLength, Func<long, bool> startsWord)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var windows = new List<ArraySegment<long>>();
        var start = 0;
        do
        {
            var remaining = tokens.Length - start;
            var windowsLeft = (remaining + maxLength - 1) / maxLength;
            var end = start + (windowsLeft <= 1 ? remaining : (remaining + windowsLeft - 1) / windowsLeft);
            if (end < tokens.Length)
            {
                end = WordStartBefore(tokens, start, end, startsWord);
            }

            windows.Add(new ArraySegment<long>(tokens, start, end - start));
            start = end;
        }
        while (start < tokens.Length);

        return windows;
    }

    /// <summary><paramref name="end"/>, moved back to the nearest token that starts a word, if one is near and after start.</summary>
    private static int WordStartBefore(long[] tokens, int start, int end, Func<long, bool> startsWord)
    {
        for (var cut = end; cut > start && cut > end - MaxWordBackoff; cut--)
        {
            if (startsWord(tokens[cut]))
            {
                return cut;
            }
        }

        return end;
    }
}
