using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Retrieval;

public sealed class HybridSearchTests : EngineTestBase
{
    [Fact]
    public async Task Search_TypoThatFullTextMisses_IsFoundByTheVectorSide()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "mail/1", Text = "You will receive the invoice by email" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "mail/2", Text = "The garden needs watering on Sundays" }, Ct);

        Assert.Empty(await Engine.FullTextSearchAsync("recieve invoise", cancellationToken: Ct));
        var hits = await Engine.SearchAsync("recieve invoise", cancellationToken: Ct);

        Assert.Equal("mail/1", hits[0].Entry.Key);
    }

    [Fact]
    public async Task Search_Explanation_GivesEachSignalsPartOfTheScore()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "mail/1", Text = "You will receive the invoice by email" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "mail/2", Text = "invoice archive" }, Ct);

        var hits = await Engine.SearchAsync("recieve invoice", cancellationToken: Ct);

        Assert.All(hits, hit => Assert.Equal(hit.Score, hit.Explanation!.TextPart + hit.Explanation.VectorPart
            + hit.Explanation.RecencyPart + hit.Explanation.ImportancePart + hit.Explanation.UsePart, 5));
        var byBoth = hits.Single(hit => hit.Entry.Key == "mail/1").Explanation!;
        Assert.NotNull(byBoth.TextScore);
        Assert.True(byBoth.VectorSimilarity > 0);
        Assert.InRange(byBoth.TextNormalized, 0, 1);
        Assert.InRange(byBoth.VectorNormalized, 0, 1);
    }

    [Fact]
    public async Task Search_EntryFoundByBothSides_RanksAboveOneFoundByOne()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "n/both", Text = "database backup schedule" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "n/other", Text = "weekly schedule for the team lunch" }, Ct);

        var hits = await Engine.SearchAsync("database backup", cancellationToken: Ct);

        Assert.Equal("n/both", hits[0].Entry.Key);
        Assert.True(hits[0].Explanation!.TextPart > 0 && hits[0].Explanation!.VectorPart > 0);
        Assert.All(hits, hit => Assert.InRange(hit.Score, 0.0, 1.0));
    }

    [Fact]
    public async Task Search_UpdatesAndRemovals_AreReflectedOnBothSides()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "p/a", Text = "kiwi smoothie recipe" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "p/b", Text = "kiwi harvest" }, Ct);
        Assert.Equal(2, (await Engine.SearchAsync("kiwi", cancellationToken: Ct)).Count(h => h.Entry.Text.Contains("kiwi", StringComparison.Ordinal)));

        await Engine.StoreAsync(new MemoryWrite { Key = "p/a", Text = "mango smoothie recipe" }, Ct);
        await Engine.ForgetAsync("p/b", cancellationToken: Ct);
        var hits = await Engine.SearchAsync("kiwi", cancellationToken: Ct);

        Assert.DoesNotContain(hits, hit => hit.Entry.Key == "p/b");
        Assert.DoesNotContain(hits, hit => hit.Entry.Text.Contains("kiwi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_Namespace_AppliesToTheVectorSideToo()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/x", Text = "recieve the parcel" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "b/x", Text = "recieve the parcel" }, Ct);

        var hits = await Engine.SearchAsync("receive parcels", new() { Prefix = "b/" }, Ct);

        Assert.Equal(["b/x"], hits.Select(h => h.Entry.Key));
    }

    [Fact]
    public async Task Search_SmallNamespaceAmongManySimilarEntries_IsFoundByTheVectorSide()
    {
        var crowd = Enumerable.Range(0, 400).Select(i => new MemoryWrite { Key = $"big/{i}", Text = $"recieve the parcel number {i}" }).ToList();
        await Engine.StoreManyAsync(crowd, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "small/x", Text = "recieve the parcel soon" }, Ct);

        // Reopened, so the index comes from its file and the namespace filter uses keys read back from the store.
        await Engine.SearchAsync("parcel", cancellationToken: Ct);
        await Engine.DisposeAsync();
        await using var reopened = await OpenAsync();
        var hits = await reopened.SearchAsync("receive parcels", new() { Prefix = "small/", Mode = SearchMode.Vector }, Ct);

        Assert.Equal(["small/x"], hits.Select(h => h.Entry.Key));
    }

    [Fact]
    public async Task Search_DamagedVectorFile_IsRebuiltFromTheStore()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "k/1", Text = "quarterly revenue report" }, Ct);
        await Engine.SearchAsync("revenue", cancellationToken: Ct);
        await Engine.DisposeAsync();
        var file = Directory.GetFiles(Temp.Path, "*.hnsw").Single();
        await File.WriteAllBytesAsync(file, new byte[100], Ct);

        await using var reopened = await OpenAsync();
        var hits = await reopened.SearchAsync("revenu", cancellationToken: Ct);

        Assert.Equal("k/1", hits[0].Entry.Key);
        Assert.True(new FileInfo(file).Length > 100);
    }
}
