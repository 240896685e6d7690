using System.Text;
using Mnemo.Benchmarks.Recall;

namespace Mnemo.Benchmarks.Search;

/// <summary>
/// Memory-like texts for the latency benchmark: sentences drawn from a vocabulary of a few thousand words with a
/// Zipf distribution (a few words everywhere, most words rare, as in real text), 8 to 60 words long, spread over
/// namespaces; and queries made of words of stored texts.
/// </summary>
/// <remarks>
/// The vocabulary is the commonest English words, ranked first, followed by pronounceable made-up words built from
/// syllables, so the full-text index sees a realistic spread of document frequencies and the embedder realistic word
/// shapes. Some words get an English ending (-s, -ed, -ing) so that stemming has work to do. Everything follows from
/// the seed.
/// </remarks>
internal sealed class SyntheticCorpus
{
    /// <summary>Words in the vocabulary.</summary>
    public const int VocabularySize = 4000;

    /// <summary>Namespaces the entries are spread over.</summary>
    public const int Namespaces = 100;

    private const int MinWords = 8;
    private const int MaxWords = 60;
    private const double SuffixShare = 0.12;
    private const double TypoShare = 0.2;
    private const double NamespaceFilterShare = 0.3;

    private static readonly string[] s_common =
    [
        "the", "and", "to", "of", "a", "in", "is", "it", "that", "for", "on", "with", "was", "as", "be", "at", "this", "have", "from", "or",
        "by", "not", "but", "what", "all", "were", "when", "we", "there", "can", "an", "your", "which", "their", "said", "if", "do", "will",
        "each", "about", "how", "up", "out", "them", "then", "she", "many", "some", "so", "these", "would", "other", "into", "has", "more",
        "her", "two", "like", "him", "see", "time", "could", "no", "make", "than", "first", "been", "its", "who", "now", "people", "my",
        "made", "over", "did", "down", "only", "way", "find", "use", "may", "water", "long", "little", "very", "after", "words", "called",
        "just", "where", "most", "know", "get", "through", "back", "much", "before", "go", "good", "new", "write", "our", "used", "me",
        "man", "day", "too", "any", "same", "right", "look", "think", "also", "around", "another", "came", "come", "work", "three", "word",
        "must", "because", "does", "part", "user", "project", "meeting", "deploy", "server", "customer", "prefers", "deadline", "budget",
        "release", "database", "config", "error", "team", "report", "agent", "task", "memory", "search", "schedule", "review", "design",
    ];

    private static readonly HashSet<string> s_commonSet = new(s_common, StringComparer.Ordinal);

    private static readonly string[] s_onsets =
        ["b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "qu", "r", "s", "sh", "sk", "st", "t", "th", "tr", "v", "w", "z"];

    private static readonly string[] s_vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "ee"];
    private static readonly string[] s_codas = ["", "", "n", "r", "s", "l", "m", "nd", "st", "rk", "t", "x"];
    private static readonly string[] s_suffixes = ["s", "ed", "ing"];

    private readonly Random _random;
    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;

    public SyntheticCorpus(int seed)
    {
        _random = new Random(seed);
        _vocabulary = BuildVocabulary(_random);

        // Zipf with exponent 1: the word of rank r is drawn with probability proportional to 1/r.
        _cumulative = new double[_vocabulary.Length];
        var sum = 0.0;
        for (var i = 0; i < _vocabulary.Length; i++)
        {
            sum += 1.0 / (i + 1);
            _cumulative[i] = sum;
        }
    }

    /// <summary>The namespace (key prefix) of namespace number <paramref name="index"/>.</summary>
    public static string Namespace(int index) => $"bench/search/ns-{index:D3}/";

    /// <summary>A new entry: its key (in a random namespace) and text.</summary>
    public (string Key, string Text) NextEntry(int index) =>
        ($"{Namespace(_random.Next(Namespaces))}m-{index:D8}", Sentence(_random.Next(MinWords, MaxWords + 1)));

    /// <summary>
    /// A query made of two to five words of <paramref name="text"/> (in its order, as someone remembering it would put
    /// them), sometimes with a typo, and sometimes confined to <paramref name="key"/>'s namespace.
    /// </summary>
    public (string Query, string? Prefix) NextQuery(string key, string text)
    {
        var all = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.').ToLowerInvariant()).ToArray();

        // People look for what a memory is about, not its function words, when it has other words.
        var content = all.Where(w => !s_commonSet.Contains(w)).ToArray();
        var words = content.Length >= 2 ? content : all;
        var count = Math.Min(words.Length, _random.Next(2, 6));
        var picked = Enumerable.Range(0, words.Length).OrderBy(_ => _random.Next()).Take(count).Order().Select(i => words[i]);
        var query = string.Join(' ', picked);
        if (_random.NextDouble() < TypoShare)
        {
            query = Typos.Add(query, _random);
        }

        var prefix = _random.NextDouble() < NamespaceFilterShare ? key[..(key.LastIndexOf('/') + 1)] : null;
        return (query, prefix);
    }

    /// <summary>A random number below <paramref name="count"/>, from the corpus's seeded stream.</summary>
    public int Next(int count) => _random.Next(count);

    private string Sentence(int length)
    {
        var builder = new StringBuilder(length * 8);
        var sentenceLeft = 0;
        for (var i = 0; i < length; i++)
        {
            var word = _vocabulary[Word()];
            if (_random.NextDouble() < SuffixShare && word.Length > 3)
            {
                word += s_suffixes[_random.Next(s_suffixes.Length)];
            }

            if (sentenceLeft == 0)
            {
                if (builder.Length > 0)
                {
                    builder.Append(". ");
                }

                word = char.ToUpperInvariant(word[0]) + word[1..];
                sentenceLeft = _random.Next(6, 16);
            }
            else
            {
                builder.Append(' ');
            }

            builder.Append(word);
            sentenceLeft--;
        }

        return builder.Append('.').ToString();
    }

    private int Word()
    {
        var at = Array.BinarySearch(_cumulative, _random.NextDouble() * _cumulative[^1]);
        return Math.Min(at >= 0 ? at : ~at, _cumulative.Length - 1);
    }

    private static string[] BuildVocabulary(Random random)
    {
        var words = new List<string>(VocabularySize);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in s_common)
        {
            if (seen.Add(word))
            {
                words.Add(word);
            }
        }

        while (words.Count < VocabularySize)
        {
            var builder = new StringBuilder();
            var syllables = random.Next(2, 4);
            for (var s = 0; s < syllables; s++)
            {
                builder.Append(s_onsets[random.Next(s_onsets.Length)]).Append(s_vowels[random.Next(s_vowels.Length)]);
            }

            builder.Append(s_codas[random.Next(s_codas.Length)]);
            if (seen.Add(builder.ToString()))
            {
                words.Add(builder.ToString());
            }
        }

        return [.. words];
    }
}
