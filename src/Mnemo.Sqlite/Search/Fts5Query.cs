using System.Text;

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
    public static string? Build(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var query = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0 && seen.Add(word.ToString()) && seen.Count <= MaxWords)
            {
                if (query.Length > 0)
                {
                    query.Append(" OR ");
                }

                // Inside an FTS5 string a double quote is written twice; letters and digits never need it, but the
                // quoting is what makes AND, OR, NOT and NEAR plain words.
                query.Append('"').Append(word.Replace("\"", "\"\"")).Append('"');
            }

            word.Clear();
        }

        return query.Length == 0 ? null : query.ToString();
    }
}
