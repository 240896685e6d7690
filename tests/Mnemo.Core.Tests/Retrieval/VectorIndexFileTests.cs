using Mnemo.Core.Vectors;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Retrieval;

/// <summary>How the engine keeps its vector index file: used in place, extended by a delta, never rewritten for a write.</summary>
[Trait("Issue", "15")]
public sealed class VectorIndexFileTests : EngineTestBase
{
    private string IndexFile => Directory.GetFiles(Temp.Path, "*.hnsw").Single();

    [Fact]
    public async Task Search_AfterNewEntries_AppendsThemToTheDeltaAndLeavesTheFileAsItWas()
    {
        await StoreManyAsync("a/", 300);
        await Engine.SearchAsync("note", new SearchFilter { Mode = SearchMode.Vector }, Ct);
        await Engine.DisposeAsync();
        var saved = await File.ReadAllBytesAsync(IndexFile, Ct);

        await using (var writer = await OpenAsync())
        {
            await writer.StoreAsync(new MemoryWrite { Key = "b/late", Text = "a lighthouse keeper's logbook from 1890" }, Ct);
        }

        await using var searcher = await OpenAsync();
        var hits = await searcher.SearchAsync("lighthouse keeper logbook", new SearchFilter { Mode = SearchMode.Vector }, Ct);

        Assert.Equal("b/late", hits[0].Entry.Key);
        Assert.Equal(saved, await File.ReadAllBytesAsync(IndexFile, Ct));
        Assert.True(File.Exists(HnswIndex.DeltaPath(IndexFile)));
        using var reopened = HnswIndex.Open(IndexFile);
        Assert.True(reopened.IsMapped);
        Assert.Equal(301, reopened.Count);
    }

    [Fact]
    public async Task Store_DuplicateOfAnEntryNotYetIndexed_IsFoundWithoutCatchingTheIndexUp()
    {
        await StoreManyAsync("a/", 50);
        await Engine.SearchAsync("note", new SearchFilter { Mode = SearchMode.Vector }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "facts/1", Text = "The user's dog is called Rex" }, Ct);
        var file = await File.ReadAllBytesAsync(IndexFile, Ct);

        var outcome = await Engine.StoreAsync(new MemoryWrite { Key = "facts/2", Text = "the user's dog is called Rex.", OnDuplicate = DuplicatePolicy.Skip }, Ct);

        Assert.Equal(StoreAction.Skipped, outcome.Action);
        Assert.Equal("facts/1", outcome.Entry.Key);
        Assert.Equal(file, await File.ReadAllBytesAsync(IndexFile, Ct));
        Assert.False(File.Exists(HnswIndex.DeltaPath(IndexFile)));
    }

    [Fact]
    public async Task Store_ReplacedEntryInTheTail_IsNotADuplicateAnyMore()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "facts/1", Text = "The user's dog is called Rex" }, Ct);
        await Engine.SearchAsync("dog", new SearchFilter { Mode = SearchMode.Vector }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "facts/1", Text = "The user moved to Lisbon in March" }, Ct);

        var outcome = await Engine.StoreAsync(new MemoryWrite { Key = "facts/2", Text = "The user's dog is called Rex", OnDuplicate = DuplicatePolicy.Skip }, Ct);

        Assert.Equal(StoreAction.Written, outcome.Action);
    }

    [Fact]
    public async Task VectorStorageInt8_WritesAnInt8FileThatSearchesFind_FloatKeepsItAndReindexRebuildsIt()
    {
        await Engine.DisposeAsync();
        await using (var int8 = await OpenAsync(options => options.VectorStorage = VectorQuantization.Int8))
        {
            await int8.StoreAsync(new MemoryWrite { Key = "k/1", Text = "quarterly revenue report for the board" }, Ct);
            await int8.StoreAsync(new MemoryWrite { Key = "k/2", Text = "hiking boots with good ankle support" }, Ct);
            var hits = await int8.SearchAsync("revenue report", new SearchFilter { Mode = SearchMode.Vector }, Ct);
            Assert.Equal("k/1", hits[0].Entry.Key);
        }

        Assert.Equal((byte)VectorQuantization.Int8, (await File.ReadAllBytesAsync(IndexFile, Ct))[21]);
        await using var floats = await OpenAsync();
        var again = await floats.SearchAsync("ankle boots", new SearchFilter { Mode = SearchMode.Vector }, Ct);

        Assert.Equal("k/2", again[0].Entry.Key);
        Assert.Equal((byte)VectorQuantization.Int8, (await File.ReadAllBytesAsync(IndexFile, Ct))[21]);

        // Floats ask for nothing smaller, so an int8 file (quantize-index makes one) is kept; a reindex builds what the options say.
        await floats.ReindexAsync(null, cancellationToken: Ct);
        Assert.Equal((byte)VectorQuantization.None, (await File.ReadAllBytesAsync(IndexFile, Ct))[21]);
    }

    private async Task StoreManyAsync(string prefix, int count)
    {
        var writes = Enumerable.Range(0, count)
            .Select(i => new MemoryWrite { Key = $"{prefix}{i}", Text = $"note {i} about topic {i % 17} and item {i * 7919 % 1000}" });
        foreach (var write in writes)
        {
            await Engine.StoreAsync(write with { OnDuplicate = DuplicatePolicy.Allow }, Ct);
        }
    }
}
