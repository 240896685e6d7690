using Mnemo.Benchmarks.Context;
using Mnemo.Core.Conversations;

namespace Mnemo.Benchmarks.Tests.Context;

/// <summary>The rules of the context set, checked on every question of several seeds.</summary>
[Trait("Issue", "16")]
public sealed class ContextDatasetTests
{
    private static readonly int[] s_seeds = [ContextDataset.DevelopmentSeed, 2, 7, 101, ContextDataset.HeldOutSeed];

    public static TheoryData<int> Seeds => new(s_seeds);

    [Fact]
    public void Generate_SameSeed_GivesTheSameConversations()
    {
        var first = ContextDataset.Generate(seed: 7, users: 2);
        var second = ContextDataset.Generate(seed: 7, users: 2);

        Assert.Equal(first.Users.SelectMany(u => u.Messages), second.Users.SelectMany(u => u.Messages));
        Assert.Equal(first.Users.SelectMany(u => u.Questions.Select(Describe)), second.Users.SelectMany(u => u.Questions.Select(Describe)));
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherConversations()
    {
        var first = ContextDataset.Generate(seed: 7, users: 1);
        var second = ContextDataset.Generate(seed: 8, users: 1);

        Assert.NotEqual(first.Users[0].Messages.Select(m => m.Text), second.Users[0].Messages.Select(m => m.Text));
    }

    [Fact]
    public void Generate_FewerUsers_GivesTheFirstUsersUnchanged()
    {
        var full = ContextDataset.Generate(seed: 3, users: 3);
        var small = ContextDataset.Generate(seed: 3, users: 2);

        Assert.Equal(small.Users.SelectMany(u => u.Messages), full.Users.Take(2).SelectMany(u => u.Messages));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_EveryMarker_IsInItsEvidenceMessageAndNoOther(int seed)
    {
        foreach (var user in ContextDataset.Generate(seed).Users)
        {
            var messages = user.Messages.ToList();
            Assert.Equal(ContextDataset.FactsPerUser, user.Questions.Count);
            foreach (var question in user.Questions)
            {
                var evidence = Assert.Single(question.Evidence);
                var holding = messages.Where(m => m.Text.Contains(evidence.Marker, StringComparison.Ordinal)).ToList();
                var message = Assert.Single(holding);
                Assert.Equal((evidence.Session, evidence.Sequence), (message.Session, message.Sequence));
                Assert.Equal(question.Category == ContextDataset.Tool ? MessageRole.Tool : MessageRole.User, message.Role);
                Assert.DoesNotContain(evidence.Marker, question.Text, StringComparison.Ordinal);
                Assert.DoesNotContain(user.Current.Messages, m => m.Text.Contains(evidence.Marker, StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_UpdatedFact_EvidenceIsALaterSessionThanTheFirstStatement(int seed)
    {
        var users = ContextDataset.Generate(seed).Users;
        var updated = users.SelectMany(u => u.Questions.Where(q => q.Category == ContextDataset.Updated).Select(q => (User: u, Question: q))).ToList();

        Assert.NotEmpty(updated);
        foreach (var (user, question) in updated)
        {
            var fact = ContextFactCatalog.All.Single(f => f.Topic == question.Topic);
            var evidence = question.Evidence[0];
            var first = user.Messages.Single(m => m.Role == MessageRole.User && fact.Values.Any(v => v != evidence.Marker && m.Text.Contains(v, StringComparison.Ordinal)));
            Assert.True(string.CompareOrdinal(first.Session, evidence.Session) < 0, $"{question.Topic}: {first.Session} then {evidence.Session}");
            Assert.Equal([fact.Values.Single(v => v != evidence.Marker && first.Text.Contains(v, StringComparison.Ordinal))], question.Superseded);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_Sessions_HaveUserAndAssistantTurnsAndToolResultsAnswerACall(int seed)
    {
        var user = ContextDataset.Generate(seed, users: 1).Users[0];

        Assert.Equal(ContextDataset.DefaultSessions, user.Past.Count);
        Assert.All(user.Past, session => Assert.InRange(session.Messages.Count, 10, 60));
        Assert.InRange(user.Current.Messages.Count, 4, 6);
        Assert.Contains(user.Questions, q => q.Category == ContextDataset.Tool);
        foreach (var session in user.Sessions)
        {
            Assert.Equal(Enumerable.Range(1, session.Messages.Count), session.Messages.Select(m => m.Sequence));
            Assert.All(session.Messages, m => Assert.Equal(session.Id, m.Session));
            foreach (var result in session.Messages.Where(m => m.Role == MessageRole.Tool))
            {
                Assert.NotNull(result.ToolCallId);
                Assert.Contains(session.Messages, m => m.Role == MessageRole.Assistant && m.ToolCallId == result.ToolCallId && m.Sequence < result.Sequence);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_Messages_RunToRealisticLengths(int seed)
    {
        var messages = ContextDataset.Generate(seed, users: 1).Users[0].Messages.ToList();
        var users = messages.Where(m => m.Role == MessageRole.User).Select(m => ContextChat.Sentences(m.Text)).ToList();
        var replies = messages.Where(m => m.Role == MessageRole.Assistant && m.ToolCallId is null).Select(m => ContextChat.Sentences(m.Text)).ToList();
        var results = messages.Where(m => m.Role == MessageRole.Tool).Select(m => m.Text.Split('\n').Length).ToList();

        Assert.All(users, n => Assert.InRange(n, 1, ContextChat.MaxLongUserSentences));
        Assert.Contains(users, n => n >= 4);
        Assert.All(replies, n => Assert.InRange(n, 1, ContextChat.MaxReplySentences));
        Assert.Contains(replies, n => n >= 10);
        Assert.NotEmpty(results);
        Assert.All(results, n => Assert.InRange(n, ContextToolOutput.MinLines, ContextToolOutput.MaxLines));
    }

    [Fact]
    public void ChitChatReplies_RunThreeToTwelveSentences()
    {
        var random = new Random(5);
        var lengths = Enumerable.Range(0, 300)
            .SelectMany(_ => new[] { ContextChat.Pair(random).Assistant, ContextChat.TopicReply(random, "The gym lockers are always full after six.") })
            .Select(ContextChat.Sentences).ToList();

        Assert.All(lengths, n => Assert.InRange(n, ContextChat.MinReplySentences, ContextChat.MaxReplySentences));
        Assert.Contains(ContextChat.MinReplySentences, lengths);
        Assert.Contains(ContextChat.MaxReplySentences, lengths);
    }

    [Fact]
    public void Generate_FactSentence_SitsAtStartMiddleOrEndOfLongMessages()
    {
        var positions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var user in s_seeds.SelectMany(seed => ContextDataset.Generate(seed).Users))
        {
            var messages = user.Messages.ToDictionary(m => (m.Session, m.Sequence));
            foreach (var evidence in user.Questions.Where(q => q.Category != ContextDataset.Tool).Select(q => q.Evidence[0]))
            {
                var sentences = System.Text.RegularExpressions.Regex.Split(messages[(evidence.Session, evidence.Sequence)].Text, @"(?<=[.!?])\s+");
                var at = Array.FindIndex(sentences, s => s.Contains(evidence.Marker, StringComparison.Ordinal));
                Assert.True(at >= 0);
                Assert.Single(sentences, s => s.Contains(evidence.Marker, StringComparison.Ordinal));
                positions.Add(sentences.Length == 1 ? "alone" : at == 0 ? "start" : at == sentences.Length - 1 ? "end" : "middle");
            }
        }

        Assert.Equal(["alone", "end", "middle", "start"], positions.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_ToolEvidence_IsOneLineOfALongResult(int seed)
    {
        foreach (var user in ContextDataset.Generate(seed).Users)
        {
            var messages = user.Messages.ToDictionary(m => (m.Session, m.Sequence));
            foreach (var evidence in user.Questions.Where(q => q.Category == ContextDataset.Tool).Select(q => q.Evidence[0]))
            {
                var lines = messages[(evidence.Session, evidence.Sequence)].Text.Split('\n');
                Assert.InRange(lines.Length, ContextToolOutput.MinLines, ContextToolOutput.MaxLines);
                Assert.Single(lines, l => l.Contains(evidence.Marker, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Catalog_Values_AreDistinctAndNoneHoldsAnother()
    {
        var values = ContextFactCatalog.All.SelectMany(f => f.Values).ToList();

        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
        foreach (var value in values)
        {
            Assert.DoesNotContain(values, other => other != value && other.Contains(value, StringComparison.Ordinal));
        }
    }

    private static string Describe(ContextQuestion question) =>
        $"{question.Category}|{question.Topic}|{question.Text}|{string.Join(",", question.Evidence.Select(e => $"{e.Session}/{e.Sequence}/{e.Marker}"))}";
}
