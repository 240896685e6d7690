using Mnemo.Core.Tokens;

namespace Mnemo.Core.Tests.Tokens;

/// <summary>Sentence splitting, and cutting a memory to a budget at sentence boundaries.</summary>
[Trait("Issue", "16")]
public sealed class SentencesTests
{
    private static readonly ITokenCounter s_counter = TokenCounters.BuiltIn.Default;

    [Fact]
    public void Split_Terminators_EndSentences()
    {
        Assert.Equal(["First one.", "Second one!", "Third one?", "Fourth?!", "Last"],
            Sentences.Split("First one. Second one!  Third one? Fourth?! Last"));
    }

    [Fact]
    public void Split_LineBreaks_EndSentences()
    {
        Assert.Equal(["a list:", "- one", "- two", "done"], Sentences.Split("a list:\n- one\r\n- two\n\n\ndone\n"));
    }

    [Fact]
    public void Split_AbbreviationsInitialsAndNumbers_DoNotEndSentences()
    {
        Assert.Equal(["Dr. Smith met J. R. Tolkien, e.g. at 3.30 p.m. in the pub.", "So did I.", "Then he left."],
            Sentences.Split("Dr. Smith met J. R. Tolkien, e.g. at 3.30 p.m. in the pub. So did I. Then he left."));
    }

    [Fact]
    public void Split_ClosingQuoteAfterTerminator_StaysWithTheSentence()
    {
        Assert.Equal(["He said \"stop.\"", "(It was late.)", "Fine"], Sentences.Split("He said \"stop.\" (It was late.) Fine"));
    }

    [Fact]
    public void Split_EmptyOrBlank_HasNoSentences()
    {
        Assert.Empty(Sentences.Split(""));
        Assert.Empty(Sentences.Split(" \n\t "));
    }

    [Fact]
    public void CutAtSentences_TextFits_ReturnsItWhole()
    {
        var text = "One sentence. Another one.";

        Assert.Equal(text, Sentences.CutAtSentences(text, s_counter, 100));
    }

    [Fact]
    public void CutAtSentences_BudgetForTwo_KeepsTheFirstTwoWhole()
    {
        var text = "The cache was cold. The index was rebuilt. The query then took four milliseconds.";
        var two = "The cache was cold. The index was rebuilt.";

        var cut = Sentences.CutAtSentences(text, s_counter, s_counter.CountTokens(two));

        Assert.Equal(two, cut);
    }

    [Fact]
    public void CutAtSentences_FirstSentenceTooLong_CutsItWithAnEllipsis()
    {
        var text = "This first sentence is far too long for the tiny budget it is given here. Short.";

        var cut = Sentences.CutAtSentences(text, s_counter, 5);

        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.StartsWith(cut[..^1], text, StringComparison.Ordinal);
        Assert.True(s_counter.CountTokens(cut) <= 5);
    }

    [Fact]
    public void CutAtSentences_BudgetOfOne_IsAWordWithoutAnEllipsis()
    {
        var cut = Sentences.CutAtSentences("Memories fade. Slowly.", s_counter, 1);

        Assert.True(s_counter.CountTokens(cut) <= 1);
        Assert.DoesNotContain("…", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void CutAtSentences_ZeroBudget_IsEmpty() =>
        Assert.Equal("", Sentences.CutAtSentences("Anything at all.", s_counter, 0));

    [Theory]
    [InlineData(TokenCounters.Cl100kBase)]
    [InlineData(TokenCounters.O200kBase)]
    public void CutAtSentences_RandomTextsAndBudgets_NeverExceedAndKeepWholeSentences(string encoding)
    {
        var random = new Random(1616);
        var counter = TokenCounters.BuiltIn.Get(encoding);

        for (var i = 0; i < 200; i++)
        {
            var text = TokenTexts.Random(random, random.Next(1, 40));
            var maxTokens = random.Next(0, counter.CountTokens(text) + 3);
            var sentences = Sentences.Split(text);

            var cut = Sentences.CutAtSentences(text, counter, maxTokens);

            Assert.True(counter.CountTokens(cut) <= maxTokens, $"{counter.CountTokens(cut)} tokens > {maxTokens} for '{text}'");
            var kept = Sentences.Split(cut);
            var whole = kept.Count > 0 && kept.SequenceEqual(sentences.Take(kept.Count));
            if (whole)
            {
                // No further whole sentence would have fitted.
                var next = kept.Count < sentences.Count
                    ? text[..(text.IndexOf(sentences[kept.Count], cut.Length, StringComparison.Ordinal) + sentences[kept.Count].Length)]
                    : null;
                Assert.True(next is null || counter.CountTokens(next) > maxTokens, $"'{next}' fits {maxTokens} tokens too");
            }
            else
            {
                // Only the first sentence, cut: a prefix of it, maybe with the ellipsis.
                var body = cut.EndsWith(Sentences.Ellipsis, StringComparison.Ordinal) ? cut[..^1] : cut;
                Assert.StartsWith(body, sentences[0], StringComparison.Ordinal);
                Assert.True(counter.CountTokens(sentences[0]) > maxTokens);
            }
        }
    }
}
