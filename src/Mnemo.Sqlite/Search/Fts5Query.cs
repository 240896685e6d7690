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
internal static class Fts5Query
{
    /// <summary>The most words a query keeps; longer input is cut, so a pasted document cannot make a huge query.</summary>
    public const int MaxWords = 64;

    /// <summary>
    /// The distinct words of <paramref name="text"/> worth looking for: its content words, or all its words when it has
    /// no other. Function words ("what", "is", "my") and the one-letter pieces that apostrophes leave ("sister's" gives
    /// "sister" and "s") are left out unless the text holds nothing else.
    /// </summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var words = Words(text).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var content = words.Where(word => !StopWords.Contains(word) && !StopWords.IsFragment(word)).ToList();
        return (content.Count > 0 ? content : words).Take(MaxWords).ToList();
    }

    /// <summary>The MATCH expression for entries holding any word of <paramref name="text"/>, or null when it holds none.</summary>
    public static string? Build(string? text) => Terms(text) is { Count: > 0 } terms ? AnyOf(terms) : null;

    /// <summary>
    /// The MATCH expression over the text column for entries holding any of <paramref name="rare"/>, in which the
    /// <paramref name="common"/> words add to the BM25 score of those entries but find no entry by themselves; narrowed
    /// to the namespace of <paramref name="keyPrefix"/> by the namespace column (<see cref="NamespaceTokens"/>).
    /// </summary>
    /// <remarks>
    /// FTS5 computes BM25 for every row an expression matches before it can sort them, so a query holding a word found in
    /// a large share of the entries would score most of the index. Entries holding only such words rank low anyway (a
    /// common word weighs little in BM25); the others are found through the rare words and still gain from the common
    /// ones. The namespace token is exact up to a hash collision, which the caller's prefix check settles.
    /// </remarks>
    public static string Build(IReadOnlyList<string> rare, IReadOnlyList<string> common, string keyPrefix)
    {
        ArgumentNullException.ThrowIfNull(rare);
        ArgumentNullException.ThrowIfNull(common);
        ArgumentOutOfRangeException.ThrowIfZero(rare.Count);
        var any = AnyOf(rare);
        var words = common.Count == 0 ? any : $"{any} OR (({any}) AND ({AnyOf(common)}))";
        return NamespaceTokens.For(keyPrefix) is { } token ? $"text : ({words}) AND path : \"{token}\"" : $"text : ({words})";
    }

    /// <summary>A word as an FTS5 string: inside one, a double quote is written twice; the quoting makes operators plain words.</summary>
    public static string Quoted(string word) => $"\"{word.Replace("\"", "\"\"")}\"";

    private static string AnyOf(IEnumerable<string> words) => string.Join(" OR ", words.Select(Quoted));

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
