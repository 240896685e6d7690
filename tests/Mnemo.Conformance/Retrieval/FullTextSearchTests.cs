using Mnemo.Core;
using Mnemo.TestSupport;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Retrieval;

public abstract class FullTextSearchTests<TBackend> : EngineTestBase<TBackend>
    where TBackend : IStoreBackend
{
    [Fact]
    public async Task FullTextSearch_Question_RanksTheEntryThatAnswersItFirst()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "conv/1/turn-1", Text = "I moved to Lisbon last spring" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "conv/1/turn-2", Text = "My favourite drink is green tea" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "conv/1/turn-3", Text = "We decided to optimize the database indexes" }, Ct);

        var hits = await Engine.FullTextSearchAsync("what did we decide about optimizing the indexes?", cancellationToken: Ct);

        // It holds every content word of the question (by stem), so it scores near a full match.
        Assert.Equal("conv/1/turn-3", hits[0].Entry.Key);
        Assert.InRange(hits[0].Score, 0.8, 1.0);
        Assert.All(hits.Skip(1), hit => Assert.InRange(hit.Score, 0.0, 1.0));
    }

    [Fact]
    public async Task FullTextSearch_AfterUpdatesAndForgets_SeesOnlyCurrentTexts()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "notes/a", Text = "the launch is on monday" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "notes/b", Text = "the launch moved" }, Ct);
        Assert.Equal(2, (await Engine.FullTextSearchAsync("launch", cancellationToken: Ct)).Count);

        await Engine.StoreAsync(new MemoryWrite { Key = "notes/a", Text = "the release is on friday" }, Ct);
        await Engine.ForgetAsync("notes/b", cancellationToken: Ct);

        Assert.Empty(await Engine.FullTextSearchAsync("launch", cancellationToken: Ct));
        Assert.Equal(["notes/a"], (await Engine.FullTextSearchAsync("friday release", cancellationToken: Ct)).Select(h => h.Entry.Key));
    }

    [Fact]
    public async Task FullTextSearch_WordHeldByThousands_OnlyWeighsTheEntriesRarerWordsFind()
    {
        // "invoice" is in more entries than a query may score, "zanzibar" in two: the entries found are those holding
        // "zanzibar", and among them the one that also holds "invoice" ranks first.
        await Engine.StoreManyAsync(
            [.. Enumerable.Range(0, 1600).Select(i => new MemoryWrite { Key = $"bulk/{i:D4}", Text = $"invoice number {i} was paid" })], Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "trip/plain", Text = "the trip to zanzibar is booked" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "trip/invoice", Text = "the invoice for zanzibar arrived" }, Ct);

        var hits = await Engine.FullTextSearchAsync("zanzibar invoice", cancellationToken: Ct);

        Assert.Equal(["trip/invoice", "trip/plain"], hits.Select(h => h.Entry.Key));
    }

    [Fact]
    public async Task FullTextSearch_FewEntriesHoldTheWords_IsPlainBm25OverEveryWord()
    {
        // 400 entries holding the common word are few enough to score: each word finds entries, as plain BM25 does.
        await Engine.StoreManyAsync(
            [.. Enumerable.Range(0, 400).Select(i => new MemoryWrite { Key = $"bulk/{i:D3}", Text = $"invoice number {i} was paid" })], Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "trip/plain", Text = "the trip to zanzibar is booked" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "trip/invoice", Text = "the invoice for zanzibar arrived" }, Ct);

        var hits = await Engine.FullTextSearchAsync("zanzibar invoice", new() { Limit = 5 }, Ct);

        Assert.Equal(["trip/invoice", "trip/plain"], hits.Take(2).Select(h => h.Entry.Key));
        Assert.All(hits.Skip(2), hit => Assert.StartsWith("bulk/", hit.Entry.Key));
    }

    [Fact]
    public async Task FullTextSearch_WordCommonInTheStoreButRareInTheNamespace_FindsEntriesThere()
    {
        // "invoice" is held by 1,600 entries elsewhere but by one entry of the searched namespace: it must still find it.
        await Engine.StoreManyAsync(
            [.. Enumerable.Range(0, 1600).Select(i => new MemoryWrite { Key = $"bulk/{i:D4}", Text = $"invoice number {i} was paid" })], Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "chat/1", Text = "the invoice came today" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "chat/2", Text = "the weather is nice, great for a walk" }, Ct);

        var hits = await Engine.FullTextSearchAsync("invoice weather", new() { Prefix = "chat/" }, Ct);

        Assert.Equal(["chat/1", "chat/2"], hits.Select(h => h.Entry.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FullTextSearch_OnlyCommonWords_StillFindsEntries()
    {
        await Engine.StoreManyAsync(
            [.. Enumerable.Range(0, 400).Select(i => new MemoryWrite { Key = $"bulk/{i:D3}", Text = $"invoice number {i} was paid" })], Ct);

        var hits = await Engine.FullTextSearchAsync("invoice paid", new() { Limit = 5 }, Ct);

        Assert.Equal(5, hits.Count);
        Assert.All(hits, hit => Assert.StartsWith("bulk/", hit.Entry.Key));
    }

    [Fact]
    public async Task FullTextSearch_NamespacesThatLookAlikeAsWords_AreKeptApart()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a-b/c/note", Text = "deploy the service" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b-c/note", Text = "deploy the service" }, Ct);

        var hits = await Engine.FullTextSearchAsync("deploy", new() { Prefix = "a/b-c/" }, Ct);

        Assert.Equal(["a/b-c/note"], hits.Select(h => h.Entry.Key));
    }

    [Fact]
    public async Task FullTextSearch_Prefix_ReturnsOnlyThatNamespace()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "agent-a/notes", Text = "deploy the service" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "agent-b/notes", Text = "deploy the service" }, Ct);

        var hits = await Engine.FullTextSearchAsync("deploy", new() { Prefix = "agent-b/" }, Ct);

        Assert.Equal(["agent-b/notes"], hits.Select(h => h.Entry.Key));
    }

    [Fact]
    public async Task FullTextSearch_ExpiredEntries_AreNotReturned()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "s/x", Text = "temporary secret", TimeToLive = TimeSpan.FromMinutes(1) }, Ct);
        Assert.Single(await Engine.FullTextSearchAsync("secret", cancellationToken: Ct));

        Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Empty(await Engine.FullTextSearchAsync("secret", cancellationToken: Ct));
    }

    [Fact]
    public async Task FullTextSearch_WritesByAnotherEngine_AreIndexedOnTheNextSearch()
    {
        Assert.Empty(await Engine.FullTextSearchAsync("kiwi", cancellationToken: Ct));
        await using (var other = await OpenAsync())
        {
            await other.StoreManyAsync(Enumerable.Range(0, 1200).Select(i => new MemoryWrite { Key = $"fruit/{i:D4}", Text = $"kiwi number {i}" }).ToList(), Ct);
        }

        var hits = await Engine.FullTextSearchAsync("kiwi", new() { Limit = 1000 }, Ct);

        Assert.Equal(1000, hits.Count);
    }

    [Fact]
    public async Task FullTextSearch_KindTagsAndSince_FilterTheResults()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "m/old", Text = "budget decision", Kind = "decision", Tags = ["finance"] }, Ct);
        Clock.Advance(TimeSpan.FromDays(2));
        var since = Clock.GetUtcNow();
        await Engine.StoreAsync(new MemoryWrite { Key = "m/new", Text = "budget decision", Kind = "decision", Tags = ["finance", "q4"] }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "m/note", Text = "budget decision", Kind = "episodic", Tags = ["finance", "q4"] }, Ct);

        async Task<IEnumerable<string>> KeysAsync(Core.SearchFilter filter) =>
            (await Engine.FullTextSearchAsync("budget", filter, Ct)).Select(h => h.Entry.Key).Order();

        Assert.Equal(["m/new", "m/old"], await KeysAsync(new() { Kind = "decision" }));
        Assert.Equal(["m/new", "m/note"], await KeysAsync(new() { Tags = ["q4", "finance"] }));
        Assert.Equal(["m/new", "m/note"], await KeysAsync(new() { Since = since }));
        Assert.Equal(["m/new"], await KeysAsync(new() { Kind = "decision", Since = since, Tags = ["q4"] }));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("NEAR(a b")]
    [InlineData("*")]
    [InlineData("")]
    public async Task FullTextSearch_AnyText_IsAValidQuery(string query)
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "near a star" }, Ct);

        var hits = await Engine.FullTextSearchAsync(query, cancellationToken: Ct);

        Assert.NotNull(hits);
    }

    [Fact]
    public async Task SearchText_ScoresEveryVersionItFinds_BelowTheCutToo()
    {
        var a = (await Engine.StoreAsync(new MemoryWrite { Key = "n/a", Text = "the invoice for zanzibar arrived" }, Ct)).Entry;
        var b = (await Engine.StoreAsync(new MemoryWrite { Key = "n/b", Text = "the trip to zanzibar is booked" }, Ct)).Entry;
        var c = (await Engine.StoreAsync(new MemoryWrite { Key = "n/c", Text = "my cat sleeps all day" }, Ct)).Entry;
        await Engine.SearchAsync("warm up the indexes", cancellationToken: Ct);
        await Engine.DisposeAsync();
        await using var store = await OpenStoreAsync();

        var searched = await store.SearchTextAsync("zanzibar invoice", new Core.SearchFilter { Prefix = "n/", Limit = 1 }, DateTimeOffset.UtcNow, Ct);

        Assert.Equal(["n/a"], searched.Hits.Select(hit => hit.Key));
        Assert.Equal(searched.Hits[0].Score, searched.Scores[a.Sequence], 9);
        Assert.True(searched.Scores[b.Sequence] > 0, "the entry below the cut keeps its score");
        Assert.DoesNotContain(c.Sequence, searched.Scores.Keys);
    }
}
