using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Mnemo.Embeddings.Onnx.Internal;

/// <summary>
/// What BERT's uncased tokenizer does to a text before it splits it into words: canonical decomposition (NFD) with the
/// nonspacing marks dropped, so that "Café" and "Zürich" read as "Cafe" and "Zurich", and Hangul as its letters.
/// </summary>
/// <remarks>
/// FastBertTokenizer leaves this to <see cref="string.Normalize(NormalizationForm)"/>, which needs ICU. In a process with
/// invariant globalization (the mnemo CLI has it) that changes nothing: every accented word became [UNK], and a text got
/// another vector there than in a process with ICU. This fold uses a table shipped in the assembly instead
/// (AccentFolding.txt), so that every process tokenizes alike, as the models were trained. Chars outside the BMP are
/// left as they are: the vocabularies know none of the few that decompose.
/// </remarks>
internal static class AccentFolding
{
    private const string TableResource = "Mnemo.Embeddings.Onnx.Internal.AccentFolding.txt";

    // No char below this decomposes or is a nonspacing mark: plain ASCII text is returned as it is.
    private const char FirstFoldable = '\u00C0';

    // Hangul syllables decompose by formula (Unicode 15, section 3.12) into a leading consonant, a vowel and maybe
    // a trailing consonant.
    private const int HangulFirst = 0xAC00;
    private const int HangulCount = 11_172;
    private const int LeadingFirst = 0x1100;
    private const int VowelFirst = 0x1161;
    private const int TrailingFirst = 0x11A7;
    private const int VowelCount = 21;
    private const int TrailingCount = 28;

    private static readonly FrozenDictionary<char, string> s_table = LoadTable();

    /// <summary><paramref name="text"/> decomposed and without nonspacing marks; the same instance when nothing changes.</summary>
    public static string Fold(string text)
    {
        var first = 0;
        while (first < text.Length && !NeedsFolding(text[first]))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var folded = new StringBuilder(text.Length + 16);
        folded.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c < FirstFoldable)
            {
                folded.Append(c);
            }
            else if (c - HangulFirst is >= 0 and < HangulCount)
            {
                AppendHangul(folded, c - HangulFirst);
            }
            else if (s_table.TryGetValue(c, out var replacement))
            {
                folded.Append(replacement);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    private static bool NeedsFolding(char c) =>
        c >= FirstFoldable
        && (c - HangulFirst is >= 0 and < HangulCount
            || s_table.ContainsKey(c)
            || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

    private static void AppendHangul(StringBuilder folded, int syllable)
    {
        folded.Append((char)(LeadingFirst + (syllable / (VowelCount * TrailingCount))));
        folded.Append((char)(VowelFirst + (syllable % (VowelCount * TrailingCount) / TrailingCount)));
        if (syllable % TrailingCount != 0)
        {
            folded.Append((char)(TrailingFirst + (syllable % TrailingCount)));
        }
    }

    /// <summary>The table's lines: a char and what it folds to, UTF-16 code units in hex (<c>00E9 0065</c>); # starts a comment.</summary>
    private static FrozenDictionary<char, string> LoadTable()
    {
        using var stream = typeof(AccentFolding).Assembly.GetManifestResourceStream(TableResource)
            ?? throw new InvalidOperationException($"the resource {TableResource} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var table = new Dictionary<char, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var units = line.Split(' ').Select(hex => (char)ushort.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
            table[units[0]] = new string(units, 1, units.Length - 1);
        }

        return table.ToFrozenDictionary();
    }
}
