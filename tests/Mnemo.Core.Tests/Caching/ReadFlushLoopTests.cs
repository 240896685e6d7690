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
        var loop = new ReadFlushLoop(_ => Task.FromResult(Interlocked.Increment(ref flushes)), TimeSpan.FromSeconds(2), clock, _ => { });

        await loop.DisposeAsync();

        Assert.Equal(0, clock.TimersCreated);
        Assert.Equal(0, flushes);
    }

    [Fact]
    public async Task Started_FlushesOnEachTick_AndStartsOnce()
    {
        var clock = new TimerClock();
        var flushed = Channel.CreateUnbounded<int>();
        var loop = new ReadFlushLoop(_ => flushed.Writer.WriteAsync(1, Ct).AsTask(), TimeSpan.FromSeconds(2), clock, _ => { });

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
    public async Task FailedFlush_IsReportedAndTheNextTickTriesAgain()
    {
        var clock = new TimerClock();
        var failures = Channel.CreateUnbounded<MnemoException>();
        var flushed = Channel.CreateUnbounded<int>();
        var attempts = 0;
        var loop = new ReadFlushLoop(
            _ => Interlocked.Increment(ref attempts) == 1 ? throw new MnemoException(MnemoErrorCode.Busy, "busy") : flushed.Writer.WriteAsync(2, Ct).AsTask(),
            TimeSpan.FromSeconds(2), clock, e => failures.Writer.TryWrite(e));

        loop.EnsureStarted();
        clock.Tick();
        var failure = await failures.Reader.ReadAsync(Ct);
        clock.Tick();
        var second = await flushed.Reader.ReadAsync(Ct);
        await loop.DisposeAsync();

        Assert.Equal(MnemoErrorCode.Busy, failure.ErrorCode);
        Assert.Equal(2, second);
        Assert.False(failures.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Disposed_EndsWithoutAFlush_AndCannotStartAgain()
    {
        var clock = new TimerClock();
        var flushes = 0;
        var loop = new ReadFlushLoop(_ => Task.FromResult(Interlocked.Increment(ref flushes)), TimeSpan.FromSeconds(2), clock, _ => { });
        loop.EnsureStarted();

        await loop.DisposeAsync();
        loop.EnsureStarted();
        clock.Tick();

        Assert.Equal(0, flushes);
        Assert.Equal(1, clock.TimersCreated);
        Assert.False(loop.IsRunning);
    }
}
