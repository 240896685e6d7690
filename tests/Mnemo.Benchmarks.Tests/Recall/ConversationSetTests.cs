using System.Text.RegularExpressions;
using Mnemo.Benchmarks.Recall;

namespace Mnemo.Benchmarks.Tests.Recall;

/// <summary>The rules of the people set (docs/recall-eval.md), checked on every question of many seeds.</summary>
public sealed class ConversationSetTests
{
    // Development and held-out seeds and a few more: generation is fast, so the rules are checked on thousands of questions.
    private static readonly int[] s_seeds = [1, 2, 3, 7, 42, 101, 102, 103, 104, 105];

    private static readonly Dictionary<int, RecallDataset> s_sets = s_seeds.ToDictionary(seed => seed, seed => ConversationSet.Generate(seed));

    public static TheoryData<int> Seeds => new(s_seeds);

    [Fact]
    public void Generate_SameSeed_GivesTheSameSet()
    {
        var first = ConversationSet.Generate(seed: 7, conversations: 3);
        var second = ConversationSet.Generate(seed: 7, conversations: 3);

        Assert.Equal(first.Turns, second.Turns);
        Assert.Equal(first.Questions.Select(Describe), second.Questions.Select(Describe));
    }

    [Fact]
    public void Generate_OtherSeed_GivesAnotherSet()
    {
        var first = ConversationSet.Generate(seed: 7, conversations: 2);
        var second = ConversationSet.Generate(seed: 8, conversations: 2);

        Assert.NotEqual(first.Turns.Select(t => t.Text), second.Turns.Select(t => t.Text));
    }

    [Fact]
    public void Generate_FewerConversations_GivesTheFirstOnesUnchanged()
    {
        var full = ConversationSet.Generate(seed: 3, conversations: 4);
        var small = ConversationSet.Generate(seed: 3, conversations: 2);

        Assert.Equal(small.Turns, full.Turns.Where(t => t.Conversation is "c01" or "c02"));
        Assert.Equal(small.Questions.Select(Describe), full.Questions.Where(q => q.Conversation is "c01" or "c02").Select(Describe));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_EveryEvidenceKey_IsATurnOfTheAskedAboutPerson(int seed)
    {
        var set = s_sets[seed];
        var turns = set.Turns.ToDictionary(t => t.Key);

        Assert.Equal(turns.Count, set.Turns.Count);
        foreach (var question in set.Questions)
        {
            Assert.NotEmpty(question.EvidenceKeys);
            Assert.Equal(question.EvidenceKeys.Count, question.EvidenceKeys.Distinct().Count());
            foreach (var key in question.EvidenceKeys)
            {
                Assert.True(turns.TryGetValue(key, out var turn), $"{question.Text}: no turn {key}");
                Assert.Equal(question.Person, turn.Speaker);
                Assert.StartsWith(RecallDataset.Namespace(question.Conversation), key, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_EvidenceTurns_NeverNameTheAskedAboutPerson(int seed)
    {
        var set = s_sets[seed];
        var turns = set.Turns.ToDictionary(t => t.Key);

        foreach (var question in set.Questions)
        {
            Assert.Contains(question.Person!, question.Text, StringComparison.Ordinal);
            foreach (var key in question.EvidenceKeys)
            {
                Assert.False(Regex.IsMatch(turns[key].Text, $@"\b{question.Person}\b", RegexOptions.IgnoreCase), $"{key} names {question.Person}: {turns[key].Text}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_Paraphrases_ShareNoContentWordWithTheirEvidence(int seed)
    {
        var set = s_sets[seed];
        var turns = set.Turns.ToDictionary(t => t.Key);

        var paraphrases = set.Questions.Where(q => q.Category == ConversationSet.Paraphrase).ToList();

        Assert.NotEmpty(paraphrases);
        foreach (var question in paraphrases)
        {
            var evidence = turns[Assert.Single(question.EvidenceKeys)].Text;
            var shared = ContentWords.Shared(question.Text, evidence);
            Assert.True(shared.Count == 0, $"'{question.Text}' shares {string.Join(", ", shared)} with '{evidence}'");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_SingleHop_SharesAtMostOneContentWordWithItsEvidence(int seed)
    {
        var set = s_sets[seed];
        var turns = set.Turns.ToDictionary(t => t.Key);

        foreach (var question in set.Questions.Where(q => q.Category == ConversationSet.SingleHop))
        {
            var evidence = turns[Assert.Single(question.EvidenceKeys)].Text;
            var shared = ContentWords.Shared(question.Text, evidence);
            Assert.True(shared.Count <= 1, $"'{question.Text}' shares {string.Join(", ", shared)} with '{evidence}'");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_MultiHop_HasTwoEvidenceTurnsOrMoreInTwoSessionsOrMore(int seed)
    {
        var set = s_sets[seed];
        var turns = set.Turns.ToDictionary(t => t.Key);

        var multiHop = set.Questions.Where(q => q.Category == ConversationSet.MultiHop).ToList();

        Assert.NotEmpty(multiHop);
        foreach (var question in multiHop)
        {
            Assert.True(question.EvidenceKeys.Count >= 2, question.Text);
            Assert.True(question.EvidenceKeys.Select(k => turns[k].Session).Distinct().Count() >= 2, question.Text);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_MonthQuestions_HaveEvidenceOfThatMonthOnly(int seed)
    {
        var set = s_sets[seed];
        var turns = set.Turns.ToDictionary(t => t.Key);

        var months = set.Questions.Where(q => Regex.IsMatch(q.Text, @"^What did \w+ do in \w+ \d{4}\?$")).ToList();

        Assert.NotEmpty(months);
        foreach (var question in months)
        {
            Assert.Equal(ConversationSet.Temporal, question.Category);
            foreach (var key in question.EvidenceKeys)
            {
                var month = turns[key].Date.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
                Assert.EndsWith($" {month}?", question.Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Generate_Default_HasBalancedTypesOfTheBriefsSize()
    {
        var set = s_sets[101];

        var byType = set.Questions.GroupBy(q => q.Category).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(set.Questions.Count, 150, 300);
        Assert.Equal(ConversationSet.Categories.Order(), byType.Keys.Order());
        foreach (var (type, count) in byType)
        {
            Assert.True(count >= set.Questions.Count / 6, $"{type}: {count} of {set.Questions.Count}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_Sessions_AlternateTwoSpeakersOverTenTurnsOrMoreWithOneDate(int seed)
    {
        var set = s_sets[seed];

        foreach (var session in set.Turns.GroupBy(t => (t.Conversation, t.Session)))
        {
            var turns = session.ToList();
            Assert.InRange(turns.Count, 10, 40);
            Assert.Single(turns.Select(t => t.Date).Distinct());
            Assert.Equal(Enumerable.Range(1, turns.Count), turns.Select(t => t.Turn));
            Assert.All(turns.Zip(turns.Skip(1)), pair => Assert.NotEqual(pair.First.Speaker, pair.Second.Speaker));
            Assert.Equal(2, turns.Select(t => t.Speaker).Distinct().Count());
        }
    }

    [Fact]
    public void Generate_EachConversation_HasItsOwnPairOfPeople()
    {
        var set = s_sets[101];

        var pairs = set.Turns.GroupBy(t => t.Conversation).Select(g => string.Join('+', g.Select(t => t.Speaker).Distinct().Order())).ToList();

        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.Equal(pairs.Count, pairs.SelectMany(p => p.Split('+')).Distinct().Count() / 2);
    }

    [Fact]
    public void Generate_SessionDates_AreDaysOrWeeksApart()
    {
        var set = s_sets[101];

        foreach (var conversation in set.Turns.GroupBy(t => t.Conversation))
        {
            var dates = conversation.GroupBy(t => t.Session).OrderBy(g => g.Key).Select(g => g.First().Date).ToList();
            Assert.All(dates.Zip(dates.Skip(1)), pair => Assert.InRange(pair.Second.DayNumber - pair.First.DayNumber, 3, 21));
        }
    }

    private static string Describe(RecallQuestion question) =>
        $"{question.Conversation}|{question.Text}|{string.Join(',', question.EvidenceKeys)}|{question.Category}|{question.Person}";
}
