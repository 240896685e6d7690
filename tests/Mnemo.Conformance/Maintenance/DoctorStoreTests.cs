using Mnemo.Core;
using Mnemo.Core.Storage;
using Mnemo.TestSupport;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Maintenance;

/// <summary>The store contract of issue 17's doctor: bounded queries about expiry, reads, history and links.</summary>
[Trait("Issue", "17")]
public abstract class DoctorStoreTests<TBackend> : EngineTestBase<TBackend>
    where TBackend : IStoreBackend
{
    [Fact]
    public async Task GetExpiredEntries_CountsAllAndLimitsExamplesByExpiry()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "t/late", Text = "aa", TimeToLive = TimeSpan.FromMinutes(2) }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "t/early", Text = "bbb", TimeToLive = TimeSpan.FromMinutes(1) }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "u/live", Text = "c" }, Ct);
        var start = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromMinutes(3));
        await using var store = await OpenStoreAsync();

        // Bytes as quotas count them (content plus metadata): the sizes count expired entries until they are purged.
        var bytes = (await store.GetSizesAsync(1, Ct)).Namespaces.Single(n => n.Prefix == "t").Bytes;

        var expired = await store.GetExpiredEntriesAsync(Clock.GetUtcNow(), 1, Ct);
        var none = await store.GetExpiredEntriesAsync(start, 1, Ct);

        Assert.Equal(2, expired.Count);
        Assert.Equal(bytes, expired.Bytes);
        Assert.Equal(start.AddMinutes(1), expired.OldestExpiry);
        Assert.Equal(["t/early"], expired.Examples);
        Assert.Equal(0, none.Count);
        Assert.Null(none.OldestExpiry);
    }

    [Fact]
    public async Task GetNamespaceReads_CountsUnusedByLastReadElseWrite()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "n/old", Text = "aa" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "n/read", Text = "bbb" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "m/x", Text = "c" }, Ct);
        Clock.Advance(TimeSpan.FromDays(10));
        await Engine.GetAsync("n/read", Ct);
        await Engine.CheckpointAsync(Ct);
        await using var store = await OpenStoreAsync();

        var reads = await store.GetNamespaceReadsAsync(Clock.GetUtcNow().AddDays(-5), Clock.GetUtcNow(), Ct);

        // What an entry's metadata adds to its bytes, from the sizes of m (one entry of one character).
        var overhead = (await store.GetSizesAsync(1, Ct)).Namespaces.Single(n => n.Prefix == "m").Bytes - 1;
        Assert.Equal(["m", "n"], reads.Select(r => r.Namespace));
        Assert.Equal((1L, 1L, 1 + overhead, "m/x"), (reads[0].Entries, reads[0].Unread, reads[0].UnreadBytes, reads[0].OldestKey));
        Assert.Equal((2L, 1L, 2 + overhead, "n/old"), (reads[1].Entries, reads[1].Unread, reads[1].UnreadBytes, reads[1].OldestKey));
    }

    [Fact]
    public async Task FindRevertedKeys_CountsEachReturnToAnEarlierContent()
    {
        foreach (var text in (string[])["A", "B", "A", "B", "C"])
        {
            await Engine.StoreAsync(new MemoryWrite { Key = "flip", Text = text }, Ct);
        }

        foreach (var text in (string[])["A", "B", "C"])
        {
            await Engine.StoreAsync(new MemoryWrite { Key = "steady", Text = text }, Ct);
        }

        await using var store = await OpenStoreAsync();

        var reverted = await store.FindRevertedKeysAsync(5, Ct);

        Assert.Equal(1, reverted.Keys);
        Assert.Equal(new KeyCount("flip", 2), Assert.Single(reverted.Examples));
    }

    [Fact]
    public async Task GetNamespaceWrites_SplitsVersionsAtTheTime()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "n/a", Text = "aa" }, Ct);
        Clock.Advance(TimeSpan.FromHours(2));
        var since = Clock.GetUtcNow();
        await Engine.StoreAsync(new MemoryWrite { Key = "n/a", Text = "bbb" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "n/b", Text = "c" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "probe", Text = "p" }, Ct);
        await using var store = await OpenStoreAsync();

        var writes = await store.GetNamespaceWritesAsync(since, Ct);

        var overhead = (await store.GetSizesAsync(1, Ct)).Namespaces.Single(n => n.Prefix == "").Bytes - 1;
        Assert.Equal(["", "n"], writes.Select(w => w.Namespace));
        Assert.Equal(new NamespaceWrites("n", 2, 4 + (2 * overhead), 1, 2 + overhead), writes[1]);
    }

    [Fact]
    public async Task FindDeepHistories_ReturnsKeysFromTheDepthDeepestFirst()
    {
        for (var i = 0; i < 3; i++)
        {
            await Engine.StoreAsync(new MemoryWrite { Key = "deep", Text = $"v{i}" }, Ct);
            await Engine.StoreAsync(new MemoryWrite { Key = "deeper", Text = $"v{i}" }, Ct);
        }

        await Engine.StoreAsync(new MemoryWrite { Key = "deeper", Text = "v9" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "flat", Text = "v" }, Ct);
        await using var store = await OpenStoreAsync();

        var deep = await store.FindDeepHistoriesAsync(3, 1, Ct);

        Assert.Equal(2, deep.Keys);
        Assert.Equal([new KeyCount("deeper", 4)], deep.Examples);
    }

    [Fact]
    public async Task FindOrphanLinks_ReturnsLinksWithAnEndGone()
    {
        foreach (var key in (string[])["a", "b", "c"])
        {
            await Engine.StoreAsync(new MemoryWrite { Key = key, Text = key }, Ct);
        }

        await Engine.LinkAsync("a", "b", cancellationToken: Ct);
        await Engine.LinkAsync("a", "c", cancellationToken: Ct);
        await Engine.ForgetAsync("c", cancellationToken: Ct);
        await using var store = await OpenStoreAsync();

        var orphans = await store.FindOrphanLinksAsync(Clock.GetUtcNow(), 5, Ct);

        Assert.Equal(1, orphans.Count);
        Assert.Equal(("a", "c"), (orphans.Examples[0].From, orphans.Examples[0].To));
    }
}
