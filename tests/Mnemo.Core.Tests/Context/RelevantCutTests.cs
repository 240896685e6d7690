using Mnemo.Core.Context;
using Mnemo.Core.Tokens;

namespace Mnemo.Core.Tests.Context;

[Trait("Issue", "16")]
public sealed class RelevantCutTests
{
    private static readonly ITokenCounter s_counter = TokenCounters.BuiltIn.Default;

    [Fact]
    public void Cut_FactInTheMiddle_KeepsItsSentenceWithGapsMarked()
    {
        var filler = Enumerable.Range(1, 15).Select(i => $"Line {i} of the build log shows nothing unusual at all.").ToList();
        filler.Insert(8, "The deploy key rotates every Tuesday at noon.");
        var text = string.Join(" ", filler);

        var cut = RelevantCut.Cut(text, RelevantCut.QueryWords("When does the deploy key rotate?"), s_counter, 40);

        Assert.Contains("The deploy key rotates every Tuesday at noon.", cut, StringComparison.Ordinal);
        Assert.StartsWith("… ", cut, StringComparison.Ordinal);
        Assert.EndsWith(" …", cut, StringComparison.Ordinal);
        Assert.InRange(s_counter.CountTokens(cut), 1, 40);
    }

    [Fact]
    public void Cut_NoWordOfThePrompt_KeepsTheLeadingSentences()
    {
        const string Text = "Alpha is first. Beta comes second. Gamma is third. Delta ends it.";

        var cut = RelevantCut.Cut(Text, RelevantCut.QueryWords("what about omega?"), s_counter, 8);

        Assert.Equal(Sentences.CutAtSentences(Text, s_counter, 8), cut);
    }

    [Fact]
    public void Cut_NeighboursOfTheMatchFillTheRest_InTheirOrder()
    {
        const string Text = "One. Two. Three has the key word zebra. Four. Five. Six. Seven. Eight.";

        var cut = RelevantCut.Cut(Text, RelevantCut.QueryWords("zebra"), s_counter, 16);

        Assert.Contains("Two. Three has the key word zebra. Four.", cut, StringComparison.Ordinal);
        Assert.InRange(s_counter.CountTokens(cut), 1, 16);
    }

    [Fact]
    public void Cut_RandomTextsAndBudgets_IsNeverOverTheBudget()
    {
        var random = new Random(16);
        string[] words = ["deploy", "key", "the", "Postgres", "15", "log", "line", "error", "café", "🙂", "rotates", "Tuesday", "and"];
        for (var round = 0; round < 300; round++)
        {
            var sentences = Enumerable.Range(0, random.Next(1, 20)).Select(_ =>
                string.Join(" ", Enumerable.Range(0, random.Next(1, 15)).Select(_ => words[random.Next(words.Length)])) + (random.Next(3) == 0 ? "!\n" : ". "));
            var text = string.Concat(sentences);
            var budget = random.Next(0, 60);

            var cut = RelevantCut.Cut(text, RelevantCut.QueryWords(words[random.Next(words.Length)]), s_counter, budget);

            Assert.True(s_counter.CountTokens(cut) <= budget, $"round {round}: {s_counter.CountTokens(cut)} tokens over {budget}: {cut}");
        }
    }
}
