using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Links;

public sealed class LinkTests : EngineTestBase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var (key, text) in new[]
                 {
                     ("kb/db", "We chose SQLite for the embedded store"),
                     ("kb/wal", "WAL mode lets readers run beside one writer"),
                     ("kb/backup", "Backups use the online backup API"),
                     ("other/x", "An unrelated note about lunch"),
                 })
        {
            await Engine.StoreAsync(new MemoryWrite { Key = key, Text = text }, Ct);
        }
    }

    [Fact]
    public async Task Link_ToAMissingKey_FailsNamingItAndWritesNothing()
    {
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.LinkAsync("kb/db", "kb/nope", cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.NotFound, error.ErrorCode);
        Assert.Contains("kb/nope", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Engine.GetNeighborsAsync("kb/db", cancellationToken: Ct));
    }

    [Theory]
    [InlineData("kb/db", "kb/db", "related", 1.0)]
    [InlineData("kb/db", "kb/wal", "has space", 1.0)]
    [InlineData("kb/db", "kb/wal", "related", 1.5)]
    [InlineData("kb/db", "kb/wal", "related", double.NaN)]
    public async Task Link_InvalidInput_IsRefused(string from, string to, string relation, double weight)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Engine.LinkAsync(from, to, relation, weight, Ct));
    }

    [Fact]
    public async Task Link_Again_UpdatesTheWeightInsteadOfDuplicating()
    {
        Assert.True((await Engine.LinkAsync("kb/db", "kb/wal", "uses", 0.4, Ct)).Created);
        Assert.False((await Engine.LinkAsync("kb/db", "kb/wal", "USES", 0.8, Ct)).Created);

        var neighbor = Assert.Single(await Engine.GetNeighborsAsync("kb/db", cancellationToken: Ct));

        Assert.Equal(0.8, neighbor.Link.Weight);
        Assert.Equal("uses", neighbor.Link.Relation);
    }

    [Fact]
    public async Task Neighbors_FollowLinksInBothDirectionsToTheGivenDepth()
    {
        await Engine.LinkAsync("kb/db", "kb/wal", "uses", cancellationToken: Ct);
        await Engine.LinkAsync("kb/backup", "kb/wal", "needs", cancellationToken: Ct);

        var one = await Engine.GetNeighborsAsync("kb/db", 1, cancellationToken: Ct);
        var two = await Engine.GetNeighborsAsync("kb/db", 2, cancellationToken: Ct);
        var outgoingOnly = await Engine.GetNeighborsAsync("kb/db", 2, LinkDirection.Outgoing, cancellationToken: Ct);

        Assert.Equal(["kb/wal"], one.Select(n => n.Entry.Key));
        Assert.Equal([("kb/wal", 1), ("kb/backup", 2)], two.Select(n => (n.Entry.Key, n.Depth)));
        Assert.False(two[1].Outgoing);
        Assert.Equal(["kb/wal"], outgoingOnly.Select(n => n.Entry.Key));
    }

    [Fact]
    public async Task Neighbors_SkipForgottenEntriesAndFilterByRelation()
    {
        await Engine.LinkAsync("kb/db", "kb/wal", "uses", cancellationToken: Ct);
        await Engine.LinkAsync("kb/db", "kb/backup", "documents", cancellationToken: Ct);
        await Engine.ForgetAsync("kb/backup", cancellationToken: Ct);

        Assert.Equal(["kb/wal"], (await Engine.GetNeighborsAsync("kb/db", cancellationToken: Ct)).Select(n => n.Entry.Key));
        Assert.Empty(await Engine.GetNeighborsAsync("kb/db", relation: "documents", cancellationToken: Ct));
    }

    [Fact]
    public async Task Unlink_RemovesOnlyTheNamedRelation()
    {
        await Engine.LinkAsync("kb/db", "kb/wal", "uses", cancellationToken: Ct);
        await Engine.LinkAsync("kb/db", "kb/wal", "documents", cancellationToken: Ct);

        Assert.Equal(1, await Engine.UnlinkAsync("kb/db", "kb/wal", "uses", Ct));
        Assert.Equal("documents", Assert.Single(await Engine.GetNeighborsAsync("kb/db", cancellationToken: Ct)).Link.Relation);
        Assert.Equal(1, await Engine.UnlinkAsync("kb/db", "kb/wal", cancellationToken: Ct));
        Assert.Equal(0, await Engine.UnlinkAsync("kb/db", "kb/wal", cancellationToken: Ct));
    }

    [Fact]
    public async Task SearchExpand_AddsLinkedEntriesScoredBelowTheirSource()
    {
        await Engine.LinkAsync("kb/db", "kb/wal", "uses", 0.8, Ct);
        await Engine.LinkAsync("kb/wal", "kb/backup", "related", 1.0, Ct);

        var plain = await Engine.SearchAsync("sqlite embedded", new SearchFilter { Limit = 1 }, Ct);
        var one = await Engine.SearchAsync("sqlite embedded", new SearchFilter { Limit = 1, Expand = 1 }, Ct);
        var two = await Engine.SearchAsync("sqlite embedded", new SearchFilter { Limit = 1, Expand = 2 }, Ct);

        Assert.Equal(["kb/db"], plain.Select(h => h.Entry.Key));
        Assert.Equal(["kb/db", "kb/wal"], one.Select(h => h.Entry.Key));
        Assert.Equal("kb/db", one[1].Explanation!.LinkedFrom);
        Assert.Equal(one[0].Score * 0.8 * 0.5, one[1].Score, 5);
        Assert.Equal(["kb/db", "kb/wal", "kb/backup"], two.Select(h => h.Entry.Key));
    }

    [Fact]
    public async Task SearchExpand_NeverLeavesTheFilteredNamespace()
    {
        await Engine.LinkAsync("kb/db", "other/x", cancellationToken: Ct);

        var hits = await Engine.SearchAsync("sqlite embedded", new SearchFilter { Prefix = "kb/", Expand = 1 }, Ct);

        Assert.DoesNotContain(hits, hit => hit.Entry.Key.StartsWith("other/", StringComparison.Ordinal));
    }
}
