using Mnemo.Benchmarks.Recall;

namespace Mnemo.Benchmarks.Tests.Recall;

public sealed class AssistantSetTests
{
    [Fact]
    public void Generate_SameSeed_GivesTheSameSet()
    {
        var first = AssistantSet.Generate(seed: 7, conversations: 3);
        var second = AssistantSet.Generate(seed: 7, conversations: 3);

        Assert.Equal(first.Turns, second.Turns);
        Assert.Equal(first.Questions.Select(Describe), second.Questions.Select(Describe));
    }

    [Fact]
    public void Generate_OtherSeed_GivesAnotherSet()
    {
        var first = AssistantSet.Generate(seed: 7, conversations: 2);
        var second = AssistantSet.Generate(seed: 8, conversations: 2);

        Assert.NotEqual(first.Turns.Select(t => t.Text), second.Turns.Select(t => t.Text));
    }

    [Fact]
    public void Generate_FewerConversations_GivesTheFirstOnesUnchanged()
    {
        var full = AssistantSet.Generate(seed: 3, conversations: 4);
        var small = AssistantSet.Generate(seed: 3, conversations: 2);

        Assert.Equal(small.Turns, full.Turns.Where(t => t.Conversation is "c01" or "c02"));
    }

    [Fact]
    public void Generate_Default_EveryEvidenceKeyIsAUserTurnOfTheQuestionsConversation()
    {
        var dataset = AssistantSet.Generate(seed: 42);
        var turns = dataset.Turns.ToDictionary(t => t.Key);

        Assert.Equal(turns.Count, dataset.Turns.Count);
        foreach (var question in dataset.Questions)
        {
            Assert.NotEmpty(question.EvidenceKeys);
            foreach (var key in question.EvidenceKeys)
            {
                Assert.True(turns.TryGetValue(key, out var turn), $"{question.Text}: no turn {key}");
                Assert.Equal("user", turn.Speaker);
                Assert.StartsWith(RecallDataset.Namespace(question.Conversation), key, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Generate_Default_HasTheSizeOfThePublicBenchmarks()
    {
        var dataset = AssistantSet.Generate(seed: 42);

        Assert.True(dataset.Turns.Count >= 2000, $"{dataset.Turns.Count} turns");
        Assert.True(dataset.Questions.Count >= 300, $"{dataset.Questions.Count} questions");
        Assert.True(dataset.Conversations >= 10);
        Assert.Contains(dataset.Questions, q => q.Category == "update");
        Assert.Contains(dataset.Questions, q => q.EvidenceKeys.Count > 1);
    }

    private static string Describe(RecallQuestion question) => $"{question.Conversation}|{question.Text}|{string.Join(',', question.EvidenceKeys)}|{question.Category}";
}
