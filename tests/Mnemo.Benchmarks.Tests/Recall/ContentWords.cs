namespace Mnemo.Benchmarks.Tests.Recall;

/// <summary>
/// The rule by which two texts "share a content word" in the recall set's tests: lower-cased words (runs of letters and
/// digits), without stop words, compared by a crude stem. Deliberately more eager to match than a real stemmer (it
/// keeps the first five letters after stripping common endings), so that a paraphrase passing it shares nothing a
/// search could match on either; Porter's own stems are checked separately, through FTS5.
/// </summary>
internal static class ContentWords
{
    // The usual English stop words (NLTK's list) plus modal verbs: words that carry no topic.
    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves", "he", "him",
        "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves",
        "what", "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be", "been", "being",
        "have", "has", "had", "having", "do", "does", "did", "doing", "a", "an", "the", "and", "but", "if", "or", "because", "as",
        "until", "while", "of", "at", "by", "for", "with", "about", "against", "between", "into", "through", "during", "before",
        "after", "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under", "again", "further", "then",
        "once", "here", "there", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some",
        "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don",
        "should", "now", "d", "ll", "m", "o", "re", "ve", "y", "would", "could", "might", "must", "shall",
    };

    /// <summary>True when <paramref name="word"/> (lower case) is a stop word.</summary>
    public static bool IsStopWord(string word) => s_stopWords.Contains(word);

    /// <summary>The lower-cased words of a text, in order (apostrophes and all other punctuation separate words).</summary>
    public static IEnumerable<string> Words(string text)
    {
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
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    /// <summary>The stems of a text's content words.</summary>
    public static HashSet<string> Of(string text) => Words(text).Where(w => !IsStopWord(w)).Select(Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>The content stems two texts share.</summary>
    public static HashSet<string> Shared(string first, string second)
    {
        var shared = Of(first);
        shared.IntersectWith(Of(second));
        return shared;
    }

    /// <summary>
    /// A crude stem: strips -ies (to -y), -ing, -ed, -es, -s, -ly, then a final -e or -y, then a doubled last letter, and
    /// keeps at most five letters: learning/learned/learns → learn, scared/scares → scar, practising/practice → pract.
    /// </summary>
    public static string Stem(string word)
    {
        var stem = word;
        if (stem.EndsWith("ies", StringComparison.Ordinal) && stem.Length > 4)
        {
            stem = stem[..^3] + "y";
        }
        else if (stem.EndsWith("ing", StringComparison.Ordinal) && stem.Length > 5)
        {
            stem = stem[..^3];
        }
        else if (stem.EndsWith("ed", StringComparison.Ordinal) && stem.Length > 4)
        {
            stem = stem[..^2];
        }
        else if (stem.EndsWith("es", StringComparison.Ordinal) && stem.Length > 4)
        {
            stem = stem[..^2];
        }
        else if (stem.EndsWith("ly", StringComparison.Ordinal) && stem.Length > 4)
        {
            stem = stem[..^2];
        }
        else if (stem.EndsWith('s') && !stem.EndsWith("ss", StringComparison.Ordinal) && stem.Length > 3)
        {
            stem = stem[..^1];
        }

        if ((stem.EndsWith('e') || stem.EndsWith('y')) && stem.Length > 3)
        {
            stem = stem[..^1];
        }

        if (stem.Length > 3 && stem[^1] == stem[^2] && !"aeiou".Contains(stem[^1], StringComparison.Ordinal))
        {
            stem = stem[..^1];
        }

        return stem.Length > 5 ? stem[..5] : stem;
    }
}
