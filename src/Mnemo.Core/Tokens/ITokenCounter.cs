namespace Mnemo.Core.Tokens;

/// <summary>
/// Counts the tokens of a text as one model's tokenizer does, so that what Mnemo puts into a prompt can be held to that
/// model's token budget exactly rather than by an estimate.
/// </summary>
/// <remarks>
/// The built-in counters (<see cref="TokenCounters.Cl100kBase"/>, <see cref="TokenCounters.O200kBase"/>) are exact
/// tiktoken counts. Another tokenizer plugs in by implementing <see cref="Name"/> and <see cref="CountTokens"/> and
/// registering the counter in a <see cref="TokenCounters"/>; <see cref="PrefixLength"/> then works from
/// <see cref="CountTokens"/> alone. Implementations must be thread-safe and deterministic, and count the empty text as
/// 0 tokens.
/// </remarks>
public interface ITokenCounter
{
    /// <summary>The name the counter is chosen by, such as <c>cl100k_base</c> (compared without regard to case).</summary>
    string Name { get; }

    /// <summary>The number of tokens <paramref name="text"/> encodes to.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    int CountTokens(string text);

    /// <summary>
    /// The length in characters of the longest prefix of <paramref name="text"/> that has at most
    /// <paramref name="maxTokens"/> tokens: <c>text[..PrefixLength(text, maxTokens)]</c> is what fits the budget.
    /// </summary>
    /// <remarks>
    /// The prefix never has more than <paramref name="maxTokens"/> tokens (each candidate is counted, not estimated)
    /// and never ends between the two halves of a surrogate pair. Tokenizers are not monotone in the length of the
    /// text (a word can be one token while its beginning is two), so the search also looks a few characters past the
    /// first prefix that overflows; the default implementation needs about log2(n) + 16 counts.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTokens"/> is negative.</exception>
    int PrefixLength(string text, int maxTokens) => TokenPrefix.LongestLength(text, maxTokens, CountTokens, hint: null);
}
