using Mnemo.Core.Entries;
using Mnemo.Core.Retrieval;

namespace Mnemo.Core.Tests.Retrieval;

/// <summary>Fusion order on crafted candidate lists, with the adjusting signals held equal unless a test varies them.</summary>
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

    [Fact]
    public void Rank_FoundByBothLists_BeatsFirstOfOneList()
    {
        var hits = HybridRanker.Rank([("a", 9), ("b", 5)], [("c", 0.9), ("b", 0.8)], 1, 1, Entries("a", "b", "c"), s_weights, s_now);

        Assert.Equal(["b", "a", "c"], hits.Select(hit => hit.Entry.Key));
    }

    [Fact]
    public void Rank_FirstInBothLists_GetsAllOfTheRelevanceWeight()
    {
        var hits = HybridRanker.Rank([("a", 9)], [("a", 0.9)], 1, 1, Entries("a"), s_weights, s_now);

        Assert.Equal(s_weights.Relevance, hits[0].Explanation!.TextPart + hits[0].Explanation!.VectorPart, 9);
    }

    [Fact]
    public void Rank_TiesAreBrokenByKey_SoTheOrderIsStable()
    {
        var hits = HybridRanker.Rank([("b", 1)], [("a", 1)], 1, 1, Entries("a", "b"), s_weights, s_now);

        Assert.Equal(["a", "b"], hits.Select(hit => hit.Entry.Key));
    }

    [Fact]
    public void Rank_CandidateWithoutAnEntry_IsLeftOut()
    {
        var hits = HybridRanker.Rank([("gone", 9), ("a", 1)], [], 1, 0, Entries("a"), s_weights, s_now);

        Assert.Equal(["a"], hits.Select(hit => hit.Entry.Key));
    }

    [Fact]
    public void Rank_BestPossibleEntry_ScoresOne()
    {
        var entries = new Dictionary<string, MemoryEntry> { ["a"] = Entry("a", importance: 1, reads: 1_000_000_000) };

        var hit = Assert.Single(HybridRanker.Rank([("a", 1)], [("a", 1)], 1, 1, entries, s_weights, s_now));

        Assert.Equal(1.0, hit.Score, 3);
    }

    [Fact]
    public void Rank_LighterVectorList_LetsTheFullTextLeaderWin()
    {
        // "b" leads full text, "a" the vectors, each list scoring both alike: equal weights tie them; a lighter vector list does not.
        var even = HybridRanker.Rank([("b", 9), ("a", 9)], [("a", 0.9), ("b", 0.9)], 1, 1, Entries("a", "b"), s_weights, s_now);
        var lighter = HybridRanker.Rank([("b", 9), ("a", 9)], [("a", 0.9), ("b", 0.9)], 1, 0.5, Entries("a", "b"), s_weights, s_now);

        Assert.Equal(even[0].Score, even[1].Score);
        Assert.Equal(["b", "a"], lighter.Select(hit => hit.Entry.Key));
        Assert.Equal(s_weights.Relevance, HybridRanker.Rank([("a", 1)], [("a", 1)], 1, 0.5, Entries("a"), s_weights, s_now)[0].Explanation!.TextPart
            + HybridRanker.Rank([("a", 1)], [("a", 1)], 1, 0.5, Entries("a"), s_weights, s_now)[0].Explanation!.VectorPart, 9);
    }

    [Fact]
    public void Rank_EntryFarAheadInItsList_BeatsOneJustAheadInTheOther()
    {
        // Ranks alone tie "a" (first by far in full text) and "b" (first by a hair in vectors); the score shares do not.
        var hits = HybridRanker.Rank([("a", 10), ("b", 2)], [("b", 0.80), ("a", 0.79)], 1, 1, Entries("a", "b"), s_weights, s_now);

        Assert.Equal(["a", "b"], hits.Select(hit => hit.Entry.Key));
        Assert.Equal(0.2 * s_weights.Relevance / 2 * (HybridRanker.RrfK + 1) / (HybridRanker.RrfK + 2), hits[1].Explanation!.TextPart, 9);
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
