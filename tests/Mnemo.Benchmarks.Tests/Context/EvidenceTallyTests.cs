using Mnemo.Benchmarks.Context;

namespace Mnemo.Benchmarks.Tests.Context;

[Trait("Issue", "16")]
public sealed class EvidenceTallyTests
{
    private static readonly ContextQuestion s_question =
        new(ContextDataset.Stated, "sister", "What is my sister called again?", [new ContextEvidence("u1-s01", 3, "Marisol")]);

    [Fact]
    public void Add_MarkerInText_CountsItFound()
    {
        var tally = new EvidenceTally(ContextBenchmark.Assembled, 100);

        tally.Add(s_question, "user: my sister's name is Marisol", 9, 9);
        tally.Add(s_question, "user: nothing here", 5, 5);

        Assert.Equal((2, 1), (tally.Markers, tally.Found));
        Assert.Equal(0.5, tally.Share);
        Assert.Equal(0.5, tally.ShareOf(ContextDataset.Stated));
        Assert.Null(tally.ShareOf(ContextDataset.Tool));
        Assert.Equal(7, tally.MeanTokens);
    }

    [Fact]
    public void Add_OverBudgetByEitherCount_CountsAViolation()
    {
        var tally = new EvidenceTally(ContextBenchmark.TopK, 10);

        tally.Add(s_question, "a", 10, 10);
        tally.Add(s_question, "b", 11, 9);
        tally.Add(s_question, "c", 9, 12);

        Assert.Equal(2, tally.Violations);
        Assert.Equal(12, tally.MaxTokens);
    }

    [Fact]
    public void Add_SupersededValueInText_CountsItStale()
    {
        var tally = new EvidenceTally(ContextBenchmark.Recent, 100);
        var question = new ContextQuestion(ContextDataset.Updated, "car", "What car did I end up buying?", [new ContextEvidence("u1-s09", 5, "Volvo V60")])
        {
            Superseded = ["Kia Niro"],
        };

        tally.Add(question, "user: I finally bought a car, a used Kia Niro.\nuser: Sold the old car and got a Volvo V60 instead.", 30, 30);
        tally.Add(question, "user: Sold the old car and got a Volvo V60 instead.", 15, 15);

        Assert.Equal(2, tally.Found);
        Assert.Equal(1, tally.Stale);
    }
}
