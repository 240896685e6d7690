using Mnemo.Core.Caching;

namespace Mnemo.Core.Tests.Caching;

public sealed class EntryCacheTests
{
    private static MemoryEntry Entry(string key, long sequence) =>
        new() { Key = key, Text = key, Kind = "knowledge", Sequence = sequence, Version = sequence };

    [Fact]
    public void Set_BeyondCapacity_EvictsTheLeastRecentlyUsed()
    {
        var cache = new EntryCache(2);
        cache.Set(Entry("a", 1));
        cache.Set(Entry("b", 2));
        cache.TryGet("a", out _);

        cache.Set(Entry("c", 3));

        Assert.True(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
    }

    [Fact]
    public void Set_OlderVersion_DoesNotReplaceANewerOne()
    {
        var cache = new EntryCache(10);
        cache.Set(Entry("a", 5));

        cache.Set(Entry("a", 3));

        Assert.True(cache.TryGet("a", out var entry));
        Assert.Equal(5, entry.Sequence);
    }

    [Fact]
    public void Apply_NewerChange_DropsTheEntry_OwnWriteSurvives()
    {
        var cache = new EntryCache(10);
        cache.Set(Entry("mine", 7));
        cache.Set(Entry("theirs", 4));

        cache.Apply([("mine", 7), ("theirs", 6)], 7);

        Assert.True(cache.TryGet("mine", out _));
        Assert.False(cache.TryGet("theirs", out _));
        Assert.Equal(7, cache.AppliedSequence);
    }

    [Fact]
    public void Reset_EmptiesTheCache()
    {
        var cache = new EntryCache(10);
        cache.Set(Entry("a", 1));

        cache.Reset(99);

        Assert.Equal(0, cache.Count);
        Assert.Equal(99, cache.AppliedSequence);
    }

    [Fact]
    public void CapacityZero_CachesNothing()
    {
        var cache = new EntryCache(0);

        cache.Set(Entry("a", 1));

        Assert.False(cache.TryGet("a", out _));
    }
}
