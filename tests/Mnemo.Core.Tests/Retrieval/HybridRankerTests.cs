using Mnemo.Core.Retrieval;

namespace Mnemo.Core.Tests.Retrieval;

/// <summary>Fusion of crafted candidates, with the adjusting signals held equal unless a test varies them.</summary>
public sealed class HybridRankerTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly RankingWeights s_weights = new();

    private static MemoryEntry Entry(string key, double importance = 0.5, DateTimeOffset? updated = null, long reads = 0) => new()
    {
        Key = key,
        Text = key,
        Kind = "knowledge",
        Importance = importance,
        UpdatedAt = updated ?? s_now,
        AccessCount = reads,
    };

    private static Dictionary<string, MemoryEntry> Entries(params string[] keys) => keys.ToDictionary(key => key, key => Entry(key));

    private static readonly SimilarityScale s_scale = new(0.2, 0.6);

    private static List<SearchHit> Rank(double fullMatch, params SearchCandidate[] candidates) =>
        HybridRanker.Rank(candidates, fullMatch, s_scale, 0.4, candidates.ToDictionary(c => c.Key, c => Entry(c.Key)), s_weights, s_now);

    [Fact]
    public void Rank_FoundByBothSignals_BeatsTheSameMatchOfOneSignal()
    {
        var hits = Rank(10, new("a", 10, 0.55), new("b", 10, null), new("c", null, 0.55));

        Assert.Equal(["a", "b", "c"], hits.Select(hit => hit.Entry.Key));
    }

    [Fact]
    public void Rank_FullTextFindingLittleOfTheQuery_LetsMeaningDecide()
    {
        // Full text matched only a fifth of the query (a name held by every turn of one speaker): its weak, noisy order
        // must not outvote a clear match of meaning.
        var hits = Rank(10, new("noise", 2, 0.58), new("answer", 1, 0.68));
        var words = HybridRanker.Rank([new("noise", 2, 0.58), new("answer", 1, 0.68)], 10, s_scale with { KnowsMeaning = false }, 0.4,
            Entries("noise", "answer"), s_weights, s_now);

        Assert.Equal("answer", hits[0].Entry.Key);
        Assert.True(hits[0].Explanation!.TextPart < 0.01);
        Assert.Equal(0.9 * 0.6 * SimilarityScale.Saturate(0.2), words.Single(hit => hit.Entry.Key == "noise").Explanation!.TextPart, 9);
    }

    [Fact]
    public void Rank_UnrelatedEntry_ScoresNearZeroEvenWhenItIsTheBestOfTheQuery()
    {
        // The only candidate: a cosine at the model's floor and a BM25 far below a full match of the query.
        var hit = Assert.Single(Rank(20, new SearchCandidate("a", 0.5, 0.135)));

        Assert.True(hit.Score < 0.05, $"score {hit.Score}");
    }

    [Fact]
    public void Rank_ScoreMeansTheSameAcrossQueries()
    {
        // The same match scores the same among better and among worse competitors; alone it never scores higher.
        var amongWorse = Rank(10, new("a", 5, 0.4), new("c", 10, 0.2)).Single(hit => hit.Entry.Key == "a").Score;
        var amongBetter = Rank(10, new("a", 5, 0.4), new("b", 10, 0.6)).Single(hit => hit.Entry.Key == "a").Score;
        var alone = Rank(10, new SearchCandidate("a", 5, 0.4)).Single().Score;

        Assert.Equal(amongWorse, amongBetter, 9);
        Assert.True(alone <= amongBetter);
    }

    [Fact]
    public void Rank_StrongTextMatch_IsNotDraggedBelowAWeakVectorOnlyMatch()
    {
        var hits = Rank(10, new("words", 10, 0.25), new("meaning", null, 0.35));

        Assert.Equal("words", hits[0].Entry.Key);
    }

    [Fact]
    public void Rank_PartsAddUpToTheScore_AndATypicalFullMatchNowScoresNinetyHundredths()
    {
        var entries = new Dictionary<string, MemoryEntry> { ["a"] = Entry("a", importance: 1, reads: 1_000_000) };
        var hit = Assert.Single(HybridRanker.Rank([new("a", 10, 0.6)], 10, s_scale, 0.4, entries, s_weights, s_now));
        var p = hit.Explanation!;

        Assert.Equal(hit.Score, p.TextPart + p.VectorPart + p.RecencyPart + p.ImportancePart + p.UsePart, 5);
        Assert.Equal(0.9, hit.Score, 2);
        Assert.Equal(0.9, p.TextNormalized, 9);
        Assert.Equal(0.9, p.VectorNormalized, 9);
        Assert.Equal(10, p.TextScore);
        Assert.Equal(0.6, p.VectorSimilarity);
    }

    [Fact]
    public void Rank_ModeShares_UseOneSignalAlone()
    {
        SearchCandidate[] candidates = [new("text", 10, 0.2), new("vector", null, 0.6)];
        var entries = Entries("text", "vector");

        Assert.Equal("text", HybridRanker.Rank(candidates, 10, s_scale, 0, entries, s_weights, s_now)[0].Entry.Key);
        Assert.Equal("vector", HybridRanker.Rank(candidates, 10, s_scale, 1, entries, s_weights, s_now)[0].Entry.Key);
    }

    [Fact]
    public void Rank_CandidateWithoutEntry_IsLeftOut()
    {
        var hits = HybridRanker.Rank([new("gone", 9, null), new("a", 1, null)], 10, s_scale, 0.4, Entries("a"), s_weights, s_now);

        Assert.Equal("a", Assert.Single(hits).Entry.Key);
    }

    [Fact]
    public void Rank_RecencyReordersCloseMatches()
    {
        var entries = new Dictionary<string, MemoryEntry>
        {
            ["old"] = Entry("old", updated: s_now - TimeSpan.FromDays(365)),
            ["new"] = Entry("new"),
        };

        var hits = HybridRanker.Rank([new("old", 8, 0.5), new("new", 8, 0.5)], 10, s_scale, 0.4, entries, s_weights, s_now);

        Assert.Equal("new", hits[0].Entry.Key);
    }

    [Fact]
    public void Rank_StrongerThanTypicalMatches_KeepTheirOrder()
    {
        var hits = Rank(10, new("strong", null, 0.8), new("stronger", null, 0.9), new("typical", null, 0.6));

        Assert.Equal(["stronger", "strong", "typical"], hits.Select(hit => hit.Entry.Key));
        Assert.All(hits, hit => Assert.InRange(hit.Score, 0, 1));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 0)]
    [InlineData(0.5, 0.45)]
    [InlineData(1, 0.9)]
    [InlineData(2, 0.95)]
    public void Saturate_IsLinearToTheKneeThenApproachesOne(double ratio, double expected)
    {
        Assert.Equal(expected, SimilarityScale.Saturate(ratio), 9);
    }

    [Fact]
    public void Recency_HalvesEveryHalfLife()
    {
        var entry = Entry("a", updated: s_now - TimeSpan.FromDays(60));

        Assert.Equal(0.25, HybridRanker.Recency(entry, s_now, TimeSpan.FromDays(30)), 9);
    }

    [Fact]
    public void Use_IsZeroUnreadAndHalfAtTenReads()
    {
        Assert.Equal(0, HybridRanker.Use(0));
        Assert.Equal(0.5, HybridRanker.Use(10), 9);
    }

    [Fact]
    public void Weights_ThatOutweighRelevance_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RankingWeights { Recency = 0.3, Importance = 0.3 }.Validate());
    }
}
