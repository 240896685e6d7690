using Mnemo.Benchmarks.Recall;
using Mnemo.TestSupport;

namespace Mnemo.Benchmarks.Tests.Recall;

public sealed class Bm25BaselineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Query_QuotesEveryWordAndDropsOnlyPunctuation()
    {
        var query = Bm25Baseline.Query("What's Melanie's dog called, in May 2023?");

        Assert.Equal("\"What\" OR \"s\" OR \"Melanie\" OR \"s\" OR \"dog\" OR \"called\" OR \"in\" OR \"May\" OR \"2023\"", query);
    }

    [Fact]
    public void Query_NoWords_IsEmpty() => Assert.Equal("", Bm25Baseline.Query("?! ..."));

    [Fact]
    public async Task Search_QuestionRepeatingATurnsWords_FindsThatTurnFirstWithinItsConversation()
    {
        RecallTurn[] turns =
        [
            Turn("c01", 1, "I finally signed up for pottery classes!"),
            Turn("c01", 2, "The weather has been so grey lately."),
            Turn("c01", 3, "Work has been absolutely mad this week."),
            Turn("c02", 1, "I signed up for pottery classes too, on Mondays."),
        ];
        await using var baseline = await Bm25Baseline.BuildAsync(_temp.File("bm25.db"), turns, TestContext.Current.CancellationToken);

        var keys = await baseline.SearchAsync("c01", "Which pottery classes did she sign up for?", 10, TestContext.Current.CancellationToken);

        Assert.Equal(turns[0].Key, keys[0]);
        Assert.DoesNotContain(turns[3].Key, keys);
    }

    [Fact]
    public async Task Search_StemsLikePorter_MatchesOtherWordForms()
    {
        RecallTurn[] turns = [Turn("c01", 1, "Been practising the violin every night."), Turn("c01", 2, "Nothing much, just taking it easy.")];
        await using var baseline = await Bm25Baseline.BuildAsync(_temp.File("bm25.db"), turns, TestContext.Current.CancellationToken);

        var keys = await baseline.SearchAsync("c01", "who practises violins?", 10, TestContext.Current.CancellationToken);

        Assert.Equal([turns[0].Key], keys);
    }

    [Fact]
    public async Task Search_Paraphrases_ShareNoPorterStemWithTheirEvidence()
    {
        // The test rule (ContentWords) is meant to be stricter than Porter's stemmer; this checks it against the real one:
        // a paraphrase's content words, searched in FTS5 with Porter stemming, never match its evidence turn.
        var set = ConversationSet.Generate(seed: 101);
        await using var baseline = await Bm25Baseline.BuildAsync(_temp.File("bm25.db"), set.Turns, TestContext.Current.CancellationToken);

        foreach (var question in set.Questions.Where(q => q.Category == ConversationSet.Paraphrase))
        {
            var content = string.Join(' ', ContentWords.Words(question.Text).Where(w => !ContentWords.IsStopWord(w)));
            var keys = await baseline.SearchAsync(question.Conversation, content, 1000, TestContext.Current.CancellationToken);
            Assert.True(!keys.Contains(question.EvidenceKeys[0]), $"'{question.Text}' matches its evidence {question.EvidenceKeys[0]} under Porter");
        }
    }

    private static RecallTurn Turn(string conversation, int turn, string text) =>
        new(RecallDataset.Key(conversation, 1, turn), conversation, 1, turn, "Melanie", new DateOnly(2023, 5, 7), text);
}
