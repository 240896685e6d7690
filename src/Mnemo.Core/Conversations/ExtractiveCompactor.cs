using Mnemo.Core.Context;
using Mnemo.Core.Retrieval;
using Mnemo.Core.Tokens;

namespace Mnemo.Core.Conversations;

/// <summary>
/// Compacts dropped turns by picking their most informative sentences, word for word: no model, the same turns always
/// give the same compaction, and nothing in it was not said.
/// </summary>
/// <remarks>
/// A sentence scores by how often the dropped turns repeat its content words (what the conversation was about), with
/// more weight for numbers and capitalised words inside a sentence (names, versions, dates: the facts people ask about
/// later), divided by the square root of its length so that long sentences do not win by length alone. Sentences are
/// taken best first, skipping those that repeat one already taken, while they fit, and printed in the order they were
/// said, each with who said it.
/// </remarks>
public sealed class ExtractiveCompactor : ISessionCompactor
{
    /// <summary>The one instance: it holds no state.</summary>
    public static ExtractiveCompactor Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "extractive";

    /// <inheritdoc/>
    public ValueTask<string> CompactAsync(IReadOnlyList<SessionMessage> dropped, ITokenCounter counter, int maxTokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dropped);
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokens);
        return ValueTask.FromResult(Compact(dropped, counter, maxTokens));
    }

    private static string Compact(IReadOnlyList<SessionMessage> dropped, ITokenCounter counter, int maxTokens)
    {
        var sentences = dropped
            .SelectMany(message => Sentences.Split(message.Text).Select(text => (Role: MessageRoles.Name(message.Role), Text: text)))
            .Select((sentence, position) => new Candidate(position, $"{sentence.Role}: {sentence.Text}", sentence.Text, NearDuplicates.Words(sentence.Text)))
            .ToList();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in sentences.SelectMany(sentence => sentence.Words).Where(IsContentWord))
        {
            frequency[word] = frequency.GetValueOrDefault(word) + 1;
        }

        var chosen = new List<Candidate>();
        var used = 0;
        foreach (var candidate in sentences.OrderByDescending(sentence => Score(sentence, frequency)).ThenBy(sentence => sentence.Position))
        {
            var cost = counter.CountTokens(candidate.Line + "\n");
            if (used + cost > maxTokens || chosen.Exists(other => Repeats(candidate.Words, other.Words)))
            {
                continue;
            }

            chosen.Add(candidate);
            used += cost;
        }

        var text = string.Join("\n", chosen.OrderBy(sentence => sentence.Position).Select(sentence => sentence.Line));
        // Counted piece by piece; the whole is checked, and cut, in case the tokenizer joins pieces differently.
        return counter.CountTokens(text) <= maxTokens ? text : Sentences.CutAtSentences(text, counter, maxTokens);
    }

    private static double Score(Candidate sentence, Dictionary<string, int> frequency)
    {
        var content = sentence.Words.Where(IsContentWord).ToList();
        if (content.Count == 0)
        {
            return 0;
        }

        var topical = content.Sum(word => Math.Log(1 + frequency[word]));
        var facts = 1 + (0.5 * FactCount(sentence.Text));
        return topical * facts / Math.Sqrt(sentence.Words.Count);
    }

    /// <summary>Numbers, and capitalised words that do not open the sentence: names, versions, dates.</summary>
    private static int FactCount(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Skip(1).Count(word => char.IsUpper(word[0])) + words.Count(word => word.Any(char.IsDigit));
    }

    private static bool IsContentWord(string word) => word.Length > 2 && !StopWords.Contains(word);

    // Looser than a near-duplicate: in a summary, a sentence that says half of what another says adds little.
    private static bool Repeats(HashSet<string> a, HashSet<string> b) =>
        a.Count > 0 && b.Count > 0 && (double)a.Count(b.Contains) / Math.Min(a.Count, b.Count) >= 0.8;

    private sealed record Candidate(int Position, string Line, string Text, HashSet<string> Words);
}
