using System.Text;
using Mnemo.Core.Retrieval;

namespace Mnemo.Sqlite.Search;

/// <summary>
/// Turns whatever a user or an agent typed into an FTS5 MATCH expression that cannot be a syntax error: every word
/// becomes a quoted string, so quotes, operators (AND, OR, NOT, NEAR), column filters, carets, stars and brackets in
/// the input are only ever text to look for.
/// </summary>
/// <remarks>
/// Words are joined with OR, and BM25 ranks entries holding more (and rarer) of them first: a question rarely shares
/// all its words with the memory that answers it. Word boundaries follow FTS5's unicode61 tokenizer (letters and
/// digits), so a quoted word always maps to exactly the tokens the index holds.
/// </remarks>
public static class Fts5Query
{
    /// <summary>The most words a query keeps; longer input is cut, so a pasted document cannot make a huge query.</summary>
    public const int MaxWords = 64;

    /// <summary>The MATCH expression for <paramref name="text"/>, or null when it holds no word to search for.</summary>
    /// <remarks>
    /// Function words ("what", "is", "my") and the one-letter pieces that apostrophes leave ("sister's" gives "sister"
    /// and "s") are left out unless the text holds nothing else.
    /// </remarks>
    public static string? Build(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = Words(text).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var content = words.Where(word => !StopWords.Contains(word) && !StopWords.IsFragment(word)).ToList();
        var chosen = (content.Count > 0 ? content : words).Take(MaxWords).ToList();

        // Inside an FTS5 string a double quote is written twice; letters and digits never need it, but the quoting is
        // what makes AND, OR, NOT and NEAR plain words.
        return chosen.Count == 0 ? null : string.Join(" OR ", chosen.Select(word => $"\"{word.Replace("\"", "\"\"")}\""));
    }

    /// <summary>
    /// The MATCH expression for <paramref name="text"/> over the text column of entries whose path column (the key)
    /// starts with the whole segments of <paramref name="keyPrefix"/>, or null when the text holds no word.
    /// </summary>
    /// <remarks>
    /// The path condition is a pre-filter: it compares tokens, so "a-b/c" and "a/b-c" look alike to it, and a last
    /// segment cut short ("conv/4") is left out of it. The caller checks the exact prefix on what comes back.
    /// </remarks>
    public static string? Build(string? text, string keyPrefix)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        if (Build(text) is not { } words)
        {
            return null;
        }

        var end = keyPrefix.LastIndexOf('/');
        var tokens = end < 0 ? [] : Words(keyPrefix[..end]).ToList();
        return tokens.Count == 0
            ? $"text : ({words})"
            : $"text : ({words}) AND path : ^\"{string.Join(' ', tokens)}\"";
    }

    /// <summary>Runs of letters and digits (with combining marks), as FTS5's unicode61 tokenizer splits text.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
