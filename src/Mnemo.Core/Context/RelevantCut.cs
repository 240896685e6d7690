using Mnemo.Core.Retrieval;
using Mnemo.Core.Tokens;

namespace Mnemo.Core.Context;

/// <summary>
/// Cuts a memory too long for what is left of a budget to the sentences that matter for the prompt: the ones holding
/// the prompt's words first, then their neighbours, in the memory's own order, with "…" where sentences were left out.
/// </summary>
/// <remarks>
/// The answer to a question is often in the middle of a long message (a log line, a paragraph of an answer); keeping the
/// leading sentences, as a plain cut does, loses it. A memory without any of the prompt's words is cut the plain way.
/// Every candidate is counted whole, so the result is never over the budget.
/// </remarks>
internal static class RelevantCut
{
    private const string Gap = " … ";

    /// <summary>The words of a prompt that say what it is about: no function words or single letters.</summary>
    public static HashSet<string> QueryWords(string prompt) =>
        [.. NearDuplicates.Words(prompt).Where(word => !StopWords.Contains(word) && !StopWords.IsFragment(word))];

    /// <summary>The sentences of <paramref name="text"/> that best match <paramref name="queryWords"/>, within <paramref name="maxTokens"/>.</summary>
    public static string Cut(string text, IReadOnlySet<string> queryWords, ITokenCounter counter, int maxTokens)
    {
        var spans = Sentences.Spans(text);
        var matches = spans.Select(span => NearDuplicates.Words(text[span.Start..span.End]).Count(queryWords.Contains)).ToList();
        var best = matches.Count == 0 ? 0 : matches.Max();
        if (spans.Count <= 1 || best == 0)
        {
            return Sentences.CutAtSentences(text, counter, maxTokens);
        }

        var chosen = new SortedSet<int>();
        var matching = Enumerable.Range(0, spans.Count).Where(i => matches[i] > 0).OrderByDescending(i => matches[i]).ThenBy(i => i).ToList();
        foreach (var index in matching)
        {
            TryAdd(index);
        }

        if (chosen.Count == 0)
        {
            // Not even the best sentence fits whole: its beginning, cut at the budget.
            var first = spans[matching[0]];
            return Sentences.CutAtSentences(text[first.Start..first.End], counter, maxTokens);
        }

        // The sentences around a match give it its context: nearest first, earlier before later.
        var matched = chosen.ToList();
        foreach (var index in Enumerable.Range(0, spans.Count).Where(i => !chosen.Contains(i))
            .OrderBy(i => matched.Min(m => Math.Abs(m - i))).ThenBy(i => i))
        {
            TryAdd(index);
        }

        return Join(text, spans, chosen);

        void TryAdd(int index)
        {
            chosen.Add(index);
            if (counter.CountTokens(Join(text, spans, chosen)) > maxTokens)
            {
                chosen.Remove(index);
            }
        }
    }

    /// <summary>The chosen sentences in order, with the text between neighbours kept and "…" for every gap.</summary>
    private static string Join(string text, IReadOnlyList<(int Start, int End)> spans, SortedSet<int> chosen)
    {
        var joined = new System.Text.StringBuilder();
        var previous = -1;
        foreach (var index in chosen)
        {
            var (start, end) = spans[index];
            if (previous < 0)
            {
                joined.Append(index > 0 ? "… " : "");
            }
            else
            {
                joined.Append(index == previous + 1 ? text[spans[previous].End..start] : Gap);
            }

            joined.Append(text, start, end - start);
            previous = index;
        }

        return previous < spans.Count - 1 ? joined.Append(" …").ToString() : joined.ToString();
    }
}
