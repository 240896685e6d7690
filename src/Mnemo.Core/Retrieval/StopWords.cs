namespace Mnemo.Core.Retrieval;

/// <summary>
/// English function words: they say little about what a memory is about, so full-text queries drop them (when
/// something else is left) and the hashing embedder weighs them lightly. "What is my cat's name?" is about the cat.
/// </summary>
internal static class StopWords
{
    private static readonly HashSet<string> s_words = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "about", "an", "and", "are", "as", "at", "be", "but", "by", "can", "did", "do", "does", "for", "from", "had",
        "has", "have", "he", "her", "him", "his", "how", "i", "if", "in", "is", "it", "its", "me", "my", "not", "of", "on",
        "or", "our", "she", "so", "that", "the", "their", "them", "they", "this", "to", "us", "was", "we", "were", "what",
        "when", "where", "which", "who", "why", "will", "with", "would", "you", "your",
    };

    /// <summary>True when <paramref name="word"/> is a function word (case-insensitive).</summary>
    public static bool Contains(string word) => s_words.Contains(word);

    /// <summary>A single letter: what remains of a contraction or possessive split at its apostrophe ("that's" gives "that" and "s").</summary>
    public static bool IsFragment(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length == 1 && char.IsLetter(word[0]);
    }
}
