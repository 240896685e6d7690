using Microsoft.ML.Tokenizers;
using Mnemo.Core.Tokens;

namespace Mnemo.Core.Tests.Tokens;

/// <summary>The built-in counters count exactly what Microsoft.ML.Tokenizers' tiktoken encodings count.</summary>
[Trait("Issue", "16")]
public sealed class TiktokenCounterTests
{
    public static TheoryData<string, int> FixedTexts()
    {
        var data = new TheoryData<string, int>();
        foreach (var encoding in TokenCounters.BuiltInNames)
        {
            for (var i = 0; i < TokenTexts.Fixed.Length; i++)
            {
                data.Add(encoding, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixedTexts))]
    public void CountTokens_FixedText_EqualsTheTokenizersOwnCount(string encoding, int index)
    {
        var text = TokenTexts.Fixed[index];
        var reference = TiktokenTokenizer.CreateForEncoding(encoding);

        var count = TokenCounters.BuiltIn.Get(encoding).CountTokens(text);

        Assert.Equal(reference.CountTokens(text), count);
        Assert.Equal(reference.EncodeToIds(text).Count, count);
    }

    [Theory]
    [InlineData(TokenCounters.Cl100kBase)]
    [InlineData(TokenCounters.O200kBase)]
    public void CountTokens_RandomTexts_EqualTheTokenizersOwnCount(string encoding)
    {
        var random = new Random(1601);
        var reference = TiktokenTokenizer.CreateForEncoding(encoding);
        var counter = TokenCounters.BuiltIn.Get(encoding);

        for (var i = 0; i < 300; i++)
        {
            var text = TokenTexts.Random(random, random.Next(0, 60));
            Assert.Equal(reference.EncodeToIds(text).Count, counter.CountTokens(text));
        }
    }

    [Theory]
    [InlineData(TokenCounters.Cl100kBase, "", 0)]
    [InlineData(TokenCounters.Cl100kBase, "hello world", 2)]
    [InlineData(TokenCounters.Cl100kBase, "tiktoken is great!", 6)]
    [InlineData(TokenCounters.O200kBase, "", 0)]
    [InlineData(TokenCounters.O200kBase, "hello world", 2)]
    public void CountTokens_KnownText_IsItsPublishedCount(string encoding, string text, int expected) =>
        Assert.Equal(expected, TokenCounters.BuiltIn.Get(encoding).CountTokens(text));

    [Fact]
    public void CountTokens_HelloWorld_EncodesToTheCl100kIds()
    {
        // The ids OpenAI's tiktoken gives, so the ranks are cl100k's and not another encoding's.
        var counter = (TiktokenCounter)TokenCounters.BuiltIn.Get(TokenCounters.Cl100kBase);

        Assert.Equal([15339, 1917], counter.Tokenizer.EncodeToIds("hello world"));
    }

    [Fact]
    public void CountTokens_TheTwoEncodings_DifferOnNonEnglishText()
    {
        var text = "日本語のテキストと中文文本，还有한국어 텍스트。";

        Assert.True(TokenCounters.BuiltIn.Get(TokenCounters.O200kBase).CountTokens(text)
            < TokenCounters.BuiltIn.Get(TokenCounters.Cl100kBase).CountTokens(text));
    }

    [Fact]
    public void CountTokens_ManyThreadsAtFirstUse_AllCountTheSame()
    {
        var counter = new TiktokenCounter(TokenCounters.O200kBase);
        var text = TokenTexts.Fixed[4];
        var counts = new int[32];

        Parallel.For(0, counts.Length, i => counts[i] = counter.CountTokens(text));

        Assert.All(counts, count => Assert.Equal(TiktokenTokenizer.CreateForEncoding(TokenCounters.O200kBase).CountTokens(text), count));
    }

    [Fact]
    public void CountTokens_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => TokenCounters.BuiltIn.Default.CountTokens(null!));
}
