using Mnemo.Core.Tokens;

namespace Mnemo.Core.Tests.Tokens;

/// <summary>PrefixLength cuts to a budget: never over it, and as long as the budget allows.</summary>
[Trait("Issue", "16")]
public sealed class PrefixLengthTests
{
    [Theory]
    [InlineData(TokenCounters.Cl100kBase)]
    [InlineData(TokenCounters.O200kBase)]
    public void PrefixLength_RandomTextsAndBudgets_NeverExceedsAndIsMaximal(string encoding)
    {
        var random = new Random(16);
        var counter = TokenCounters.BuiltIn.Get(encoding);

        for (var i = 0; i < 150; i++)
        {
            var text = TokenTexts.Random(random, random.Next(1, 25));
            var maxTokens = random.Next(0, counter.CountTokens(text) + 2);

            var length = counter.PrefixLength(text, maxTokens);

            AssertLongestWithin(counter, text, maxTokens, length);
        }
    }

    [Theory]
    [InlineData(TokenCounters.Cl100kBase)]
    [InlineData(TokenCounters.O200kBase)]
    public void PrefixLength_FixedTexts_NeverExceedsAndIsMaximal(string encoding)
    {
        var counter = TokenCounters.BuiltIn.Get(encoding);
        foreach (var text in TokenTexts.Fixed)
        {
            for (var maxTokens = 0; maxTokens <= counter.CountTokens(text); maxTokens++)
            {
                AssertLongestWithin(counter, text, maxTokens, counter.PrefixLength(text, maxTokens));
            }
        }
    }

    [Fact]
    public void PrefixLength_WordThatMergesIntoFewerTokens_TakesTheWholeWord()
    {
        // "individual" is one cl100k token while its beginnings are two: a search that stopped at the first prefix
        // over budget would cut it.
        var counter = TokenCounters.BuiltIn.Get(TokenCounters.Cl100kBase);
        Assert.Equal(1, counter.CountTokens("individual"));
        Assert.True(counter.CountTokens("indivi") > 1);

        Assert.Equal("individual".Length, counter.PrefixLength("individual and more", 1));
    }

    [Fact]
    public void PrefixLength_WholeTextFits_IsTheTextsLength()
    {
        var counter = TokenCounters.BuiltIn.Default;

        Assert.Equal(11, counter.PrefixLength("hello world", 2));
        Assert.Equal(11, counter.PrefixLength("hello world", 100));
        Assert.Equal(0, counter.PrefixLength("", 0));
    }

    [Fact]
    public void PrefixLength_ZeroBudget_IsEmpty() =>
        Assert.Equal(0, TokenCounters.BuiltIn.Default.PrefixLength("hello world", 0));

    [Fact]
    public void PrefixLength_Emoji_NeverCutsASurrogatePair()
    {
        var counter = TokenCounters.BuiltIn.Default;
        var text = string.Concat(Enumerable.Repeat("😀🎉", 20));

        for (var maxTokens = 0; maxTokens <= counter.CountTokens(text); maxTokens++)
        {
            var length = counter.PrefixLength(text, maxTokens);
            Assert.True(length % 2 == 0, $"cut inside a pair at {length} for {maxTokens} tokens");
        }
    }

    [Fact]
    public void PrefixLength_LongText_UsesTheWholeBudget()
    {
        var random = new Random(7);
        var counter = TokenCounters.BuiltIn.Default;
        var text = TokenTexts.Random(random, 3000);

        var length = counter.PrefixLength(text, 1000);

        Assert.InRange(counter.CountTokens(text[..length]), 995, 1000);
    }

    [Fact]
    public void PrefixLength_NegativeBudget_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenCounters.BuiltIn.Default.PrefixLength("hello", -1));

    [Fact]
    public void PrefixLength_CustomCounterWithoutItsOwn_UsesTheSearchOverCountTokens()
    {
        ITokenCounter counter = new WordCounter();
        var text = "one two  three four five";

        var length = counter.PrefixLength(text, 3);

        // "one two  three" has 3 words and the next longer prefix "one two  three " still does.
        AssertLongestWithin(counter, text, 3, length);
        Assert.Equal("one two  three ", text[..length]);
    }

    /// <summary>The prefix fits, and no longer prefix that keeps surrogate pairs whole does.</summary>
    internal static void AssertLongestWithin(ITokenCounter counter, string text, int maxTokens, int length)
    {
        Assert.InRange(length, 0, text.Length);
        Assert.True(counter.CountTokens(text[..length]) <= maxTokens,
            $"{counter.Name}: prefix of {length} chars has {counter.CountTokens(text[..length])} tokens > {maxTokens} in '{text}'");
        for (var longer = length + 1; longer <= text.Length; longer++)
        {
            if (longer < text.Length && char.IsLowSurrogate(text[longer]) && char.IsHighSurrogate(text[longer - 1]))
            {
                continue;
            }

            Assert.True(counter.CountTokens(text[..longer]) > maxTokens,
                $"{counter.Name}: prefix of {longer} chars fits {maxTokens} tokens but {length} was returned for '{text}'");
        }
    }

    /// <summary>A pluggable counter: whitespace-separated words.</summary>
    private sealed class WordCounter : ITokenCounter
    {
        public string Name => "words";

        public int CountTokens(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
