using System.Threading.Channels;
using Mnemo.Core.Caching;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Caching;

/// <summary>The loop that writes buffered reads: no timer until started, a flush per tick, stopped without flushing.</summary>
[Trait("Issue", "15")]
public sealed class ReadFlushLoopTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NeverStarted_MakesNoTimerAndNeverFlushes()
    {
        var clock = new TimerClock();
        var flushes = 0;
        var loop = new ReadFlushLoop(_ => Task.FromResult(Interlocked.Increment(ref flushes)), TimeSpan.FromSeconds(2), clock);

        await loop.DisposeAsync();

        Assert.Equal(0, clock.TimersCreated);
        Assert.Equal(0, flushes);
    }

    [Fact]
    public async Task Started_FlushesOnEachTick_AndStartsOnce()
    {
        var clock = new TimerClock();
        var flushed = Channel.CreateUnbounded<int>();
        var loop = new ReadFlushLoop(_ => flushed.Writer.WriteAsync(1, Ct).AsTask(), TimeSpan.FromSeconds(2), clock);

        loop.EnsureStarted();
        loop.EnsureStarted();
        clock.Tick();
        await flushed.Reader.ReadAsync(Ct);
        clock.Tick();
        await flushed.Reader.ReadAsync(Ct);
        var running = loop.IsRunning;
        await loop.DisposeAsync();

        Assert.True(running);
        Assert.False(loop.IsRunning);
        Assert.Equal(1, clock.TimersCreated);
    }

    [Fact]
    public async Task Disposed_EndsWithoutAFlush_AndCannotStartAgain()
    {
        var clock = new TimerClock();
        var flushes = 0;
        var loop = new ReadFlushLoop(_ => Task.FromResult(Interlocked.Increment(ref flushes)), TimeSpan.FromSeconds(2), clock);
        loop.EnsureStarted();

        await loop.DisposeAsync();
        loop.EnsureStarted();
        clock.Tick();

        Assert.Equal(0, flushes);
        Assert.Equal(1, clock.TimersCreated);
        Assert.False(loop.IsRunning);
    }
}
