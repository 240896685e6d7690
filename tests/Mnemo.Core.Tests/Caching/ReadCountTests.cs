using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Caching;

/// <summary>A read by key returns the entry with that read counted, whether served from the cache or the store.</summary>
[Trait("Issue", "14")]
public sealed class ReadCountTests : EngineTestBase
{
    [Fact]
    public async Task Get_FirstRead_ShowsOneReadAtTheTimeOfTheRead()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one" }, Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));

        var read = await Engine.GetAsync("a/b", Ct);

        Assert.Equal(1, read!.AccessCount);
        Assert.Equal(Clock.GetUtcNow(), read.AccessedAt);
    }

    [Fact]
    public async Task Get_ReadsBeforeAndAfterAFlush_CountEveryReadOnce()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one" }, Ct);

        var first = await Engine.GetAsync("a/b", Ct);
        var second = await Engine.GetAsync("a/b", Ct);
        await Engine.FlushAsync(Ct);
        var third = await Engine.GetAsync("a/b", Ct);
        var fourth = await Engine.GetAsync("a/b", Ct);
        await Engine.FlushAsync(Ct);
        await Engine.DisposeAsync();
        await using var reopened = await OpenAsync();

        Assert.Equal([1L, 2, 3, 4], new[] { first, second, third, fourth }.Select(entry => entry!.AccessCount));
        Assert.Equal(4, (await reopened.ListAsync("a/", cancellationToken: Ct)).Entries[0].AccessCount);
    }
}
