namespace Mnemo.Benchmarks.Recall;

/// <summary>Slips of the keyboard, as people make them when typing a question: letters swapped, dropped or doubled.</summary>
internal static class Typos
{
    // Only words this long get a typo: a slip in a short word usually makes another word.
    private const int MinWordLength = 5;

    /// <summary>The text with one typo in one longer word, or unchanged when it has none.</summary>
    public static string Add(string text, Random random)
    {
        var words = text.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Count(char.IsLetter) >= MinWordLength).ToArray();
        if (candidates.Length == 0)
        {
            return text;
        }

        var index = candidates[random.Next(candidates.Length)];
        var word = words[index];

        // Never the first letter: people rarely get that wrong.
        var at = random.Next(1, word.Length - 2);
        words[index] = random.Next(3) switch
        {
            0 => string.Concat(word.AsSpan(0, at), word.AsSpan(at + 1, 1), word.AsSpan(at, 1), word.AsSpan(at + 2)),
            1 => word.Remove(at, 1),
            _ => word.Insert(at, word[at].ToString()),
        };
        return string.Join(' ', words);
    }
}
