using Mnemo.Core.Conversations;
using Mnemo.Core.Tokens;

namespace Mnemo.Benchmarks.Context;

/// <summary>
/// The contexts of the two baselines of <c>mnemo bench context</c>, built within the same budget and counted with the
/// same tokenizer as the assembled context: whole pieces, added until the next one does not fit.
/// </summary>
/// <param name="Text">The context.</param>
/// <param name="Tokens">Its tokens, counted whole.</param>
internal sealed record BaselineContext(string Text, int Tokens)
{
    /// <summary>
    /// The most recent turns only: messages newest first (the current session's, then the past sessions' from the newest),
    /// each whole as <c>role: text</c>, until the next does not fit; the text reads oldest first.
    /// </summary>
    public static BaselineContext Recent(IEnumerable<ContextMessage> newestFirst, ITokenCounter counter, int budget) =>
        Fill(newestFirst.Select(m => $"{MessageRoles.Name(m.Role)}: {m.Text}"), counter, budget, newestFirst: true);

    /// <summary>Plain top-k search: the hits' texts whole, in score order, until one does not fit.</summary>
    public static BaselineContext TopK(IEnumerable<string> hits, ITokenCounter counter, int budget) =>
        Fill(hits, counter, budget, newestFirst: false);

    // Every candidate is counted as part of the whole text, as the tokenizer would see it, not as a sum of parts (tokens can
    // merge across a join), so the text never goes over the budget.
    private static BaselineContext Fill(IEnumerable<string> pieces, ITokenCounter counter, int budget, bool newestFirst)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        var (text, tokens) = ("", 0);
        foreach (var piece in pieces)
        {
            var candidate = text.Length == 0 ? piece : newestFirst ? $"{piece}\n{text}" : $"{text}\n{piece}";
            var count = counter.CountTokens(candidate);
            if (count > budget)
            {
                break;
            }

            (text, tokens) = (candidate, count);
        }

        return new BaselineContext(text, tokens);
    }
}
