using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Caching;

/// <summary>
/// An engine starts background work only when it is needed: a one-shot engine (a CLI command) never, a long-running one
/// (a server) when it first buffers a read, and both write buffered reads when disposed.
/// </summary>
[Trait("Issue", "15")]
public sealed class BackgroundWorkTests : EngineTestBase
{
    [Fact]
    public async Task OneShotEngine_Get_StartsNoTimer_AndWritesTheReadWhenDisposed()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one" }, Ct);
        var clock = new TimerClock();
        var oneShot = await OpenAsync(options => (options.TimeProvider, options.OneShot) = (clock, true));

        var read = await oneShot.GetAsync("a/b", Ct);
        var timers = clock.TimersCreated;
        await oneShot.DisposeAsync();
        await using var reopened = await OpenAsync();

        Assert.Equal(0, timers);
        Assert.Equal(1, read!.AccessCount);
        Assert.Equal(1, (await reopened.ListAsync("a/", cancellationToken: Ct)).Entries[0].AccessCount);
    }

    [Fact]
    public async Task LongRunningEngine_StartsItsFlushTimerWithTheFirstBufferedRead_AndFlushesOnItsTick()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one" }, Ct);
        var clock = new TimerClock();
        await using var server = await OpenAsync(options => options.TimeProvider = clock);

        await server.ListAsync("a/", cancellationToken: Ct);
        var timersBeforeGet = clock.TimersCreated;
        await server.GetAsync("a/b", Ct);
        await server.GetAsync("a/b", Ct);
        var timersAfterGets = clock.TimersCreated;

        Assert.Equal(0, timersBeforeGet);
        Assert.Equal(1, timersAfterGets);
    }
}
