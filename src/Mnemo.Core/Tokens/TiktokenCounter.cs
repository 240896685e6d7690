using Microsoft.ML.Tokenizers;

namespace Mnemo.Core.Tokens;

/// <summary>An exact tiktoken count (Microsoft.ML.Tokenizers) for one encoding, such as cl100k_base.</summary>
/// <remarks>
/// The encoding's ranks (100,000 or 200,000 of them, inflated from the data package) take tens of milliseconds to load,
/// so the tokenizer is created on first use, once per process, and shared; Microsoft.ML.Tokenizers' tokenizer is
/// thread-safe.
/// </remarks>
internal sealed class TiktokenCounter : ITokenCounter
{
    private readonly Lazy<Tokenizer> _tokenizer;

    public TiktokenCounter(string encoding)
    {
        Name = encoding;
        _tokenizer = new(() => TiktokenTokenizer.CreateForEncoding(encoding), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Name { get; }

    /// <summary>The tokenizer, loaded on first use.</summary>
    internal Tokenizer Tokenizer => _tokenizer.Value;

    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Tokenizer.CountTokens(text);
    }

    public int PrefixLength(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokens);

        // The tokenizer's index of where the text's first maxTokens tokens end is nearly always the answer; it is only a
        // hint because the prefix alone can encode differently from the same characters inside the whole text.
        // (It refuses a budget of 0, where the search needs no hint anyway.)
        int? hint = maxTokens > 0 ? Tokenizer.GetIndexByTokenCount(text, maxTokens, out _, out _) : null;
        return TokenPrefix.LongestLength(text, maxTokens, CountTokens, hint);
    }

    public override string ToString() => Name;
}
