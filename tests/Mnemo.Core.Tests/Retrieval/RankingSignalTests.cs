using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Retrieval;

/// <summary>Recency, importance and use reorder equally relevant matches; every filter applies to both candidate lists.</summary>
public sealed class RankingSignalTests : EngineTestBase
{
    [Fact]
    public async Task Search_EquallyRelevantEntries_TheRecentOneRanksFirst()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "n/old", Text = "the deploy key rotates monthly" }, Ct);
        Clock.Advance(TimeSpan.FromDays(90));
        await Engine.StoreAsync(new MemoryWrite { Key = "n/new", Text = "the deploy key rotates monthly" }, Ct);

        var hits = await Engine.SearchAsync("deploy key rotation", cancellationToken: Ct);

        Assert.Equal(["n/new", "n/old"], hits.Select(hit => hit.Entry.Key));
        Assert.True(hits[0].Explanation!.RecencyPart > hits[1].Explanation!.RecencyPart);
    }

    [Fact]
    public async Task Search_EquallyRelevantEntries_TheImportantOneRanksFirst()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "n/a", Text = "backups run at midnight", Importance = 0.1 }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "n/b", Text = "backups run at midnight", Importance = 0.9 }, Ct);

        var hits = await Engine.SearchAsync("when do backups run", cancellationToken: Ct);

        Assert.Equal(["n/b", "n/a"], hits.Select(hit => hit.Entry.Key));
        // Importance adjusts relevance: its part is its weight times the importance, scaled by how relevant the entry is.
        var parts = hits[0].Explanation!;
        var relevance = (parts.TextPart + parts.VectorPart) / Engine.Options.Ranking.Relevance;
        Assert.Equal(relevance * 0.9 * Engine.Options.Ranking.Importance, parts.ImportancePart, 6);
    }

    [Fact]
    public async Task Search_EquallyRelevantEntries_TheOftenReadOneRanksFirst()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "n/a", Text = "the staging password is in the vault" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "n/b", Text = "the staging password is in the vault" }, Ct);
        for (var i = 0; i < 5; i++)
        {
            await Engine.GetAsync("n/a", Ct);
        }

        await Engine.FlushAsync(Ct);
        var hits = await Engine.SearchAsync("staging password", cancellationToken: Ct);

        Assert.Equal(["n/a", "n/b"], hits.Select(hit => hit.Entry.Key));
        Assert.Equal(0, hits[1].Explanation!.UsePart);
        Assert.True(hits[0].Explanation!.UsePart > 0);
    }

    [Fact]
    public async Task Search_SignalsNeverLiftAnUnrelatedEntryAboveAGoodMatch()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "n/match", Text = "the invoice template lives in the finance folder", Importance = 0 }, Ct);
        Clock.Advance(TimeSpan.FromDays(365));
        await Engine.StoreAsync(new MemoryWrite { Key = "n/weak", Text = "a folder of holiday photos", Importance = 1 }, Ct);

        var hits = await Engine.SearchAsync("invoice template finance", cancellationToken: Ct);

        Assert.Equal("n/match", hits[0].Entry.Key);
    }

    [Fact]
    public async Task Search_Scores_StayBetweenZeroAndOne()
    {
        for (var i = 0; i < 20; i++)
        {
            await Engine.StoreAsync(new MemoryWrite { Key = $"n/{i}", Text = $"meeting notes number {i} about the roadmap", Importance = 1 }, Ct);
        }

        var hits = await Engine.SearchAsync("roadmap meeting", new SearchFilter { Limit = 20 }, Ct);

        Assert.Equal(20, hits.Count);
        Assert.All(hits, hit => Assert.InRange(hit.Score, 0.0, 1.0));
        Assert.True(hits.Zip(hits.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
    }

    [Fact]
    public async Task Search_KindFilter_ReturnsOnlyThatKind()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "n/a", Text = "use retries for flaky calls", Kind = "decision" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "n/b", Text = "use retries for flaky calls", Kind = "pattern" }, Ct);

        var hits = await Engine.SearchAsync("retries flaky", new SearchFilter { Kind = "pattern" }, Ct);

        Assert.Equal(["n/b"], hits.Select(hit => hit.Entry.Key));
    }

    [Fact]
    public async Task Search_TagsFilter_RequiresEveryTag()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "n/a", Text = "cache invalidation rules", Tags = ["cache"] }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "n/b", Text = "cache invalidation rules", Tags = ["cache", "prod"] }, Ct);

        var hits = await Engine.SearchAsync("cache invalidation", new SearchFilter { Tags = ["prod", "cache"] }, Ct);

        Assert.Equal(["n/b"], hits.Select(hit => hit.Entry.Key));
    }

    [Fact]
    public async Task Search_AgentFilter_ReturnsOnlyThatAgentsEntries()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "n/a", Text = "the parser handles unicode", Agent = "coder" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "n/b", Text = "the parser handles unicode", Agent = "tester" }, Ct);

        var hits = await Engine.SearchAsync("parser unicode", new SearchFilter { Agent = "tester" }, Ct);

        Assert.Equal(["n/b"], hits.Select(hit => hit.Entry.Key));
    }

    [Fact]
    public async Task Search_TimeRange_ReturnsOnlyEntriesWrittenWithinIt()
    {
        var start = Clock.GetUtcNow();
        await Engine.StoreAsync(new MemoryWrite { Key = "n/day0", Text = "standup summary" }, Ct);
        Clock.Advance(TimeSpan.FromDays(1));
        await Engine.StoreAsync(new MemoryWrite { Key = "n/day1", Text = "standup summary" }, Ct);
        Clock.Advance(TimeSpan.FromDays(1));
        await Engine.StoreAsync(new MemoryWrite { Key = "n/day2", Text = "standup summary" }, Ct);

        var filter = new SearchFilter { Since = start.AddHours(12), Until = start.AddHours(36) };
        var hits = await Engine.SearchAsync("standup", filter, Ct);

        Assert.Equal(["n/day1"], hits.Select(hit => hit.Entry.Key));
    }

    [Fact]
    public async Task Search_EmptyTimeRange_IsRefusedNamingBothEnds()
    {
        var now = Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Engine.SearchAsync("x", new SearchFilter { Since = now, Until = now.AddDays(-1) }, Ct));

        Assert.Contains("since", error.Message, StringComparison.Ordinal);
        Assert.Contains("until", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SearchMode.FullText)]
    [InlineData(SearchMode.Vector)]
    public async Task Search_SingleMode_UsesOnlyThatSignal(SearchMode mode)
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "n/a", Text = "you will receive the parcel tomorrow" }, Ct);

        var hits = await Engine.SearchAsync("receive parcel", new SearchFilter { Mode = mode }, Ct);

        var parts = Assert.Single(hits).Explanation!;
        Assert.Equal(mode == SearchMode.FullText, parts.TextScore is not null);
        Assert.Equal(mode == SearchMode.Vector, parts.VectorSimilarity is not null);
        Assert.Equal(0, mode == SearchMode.FullText ? parts.VectorPart : parts.TextPart);
    }
}
