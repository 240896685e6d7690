using Mnemo.Core.Monitoring;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring;

/// <summary>The background sampling of long-running processes: at start and every interval of the engine's clock, never fatal, stopped on dispose.</summary>
[Trait("Issue", "17")]
[Collection(MeterCollection.Name)]
public sealed class MetricsSamplingTests : EngineTestBase
{
    private static readonly DateTimeOffset s_always = DateTimeOffset.UnixEpoch;

    [Fact]
    public async Task Sampling_OnEachTick_SamplesOnceAtStartAndOncePerTick()
    {
        var clock = new TimerClock();
        var calls = 0;
        var sampling = new MetricsSampling(_ => Task.FromResult(Interlocked.Increment(ref calls)), TimeSpan.FromSeconds(15), clock);

        await sampling.WaitForAttemptsAsync(1, Ct);
        clock.Tick();
        await sampling.WaitForAttemptsAsync(2, Ct);
        clock.Tick();
        await sampling.WaitForAttemptsAsync(3, Ct);
        await sampling.DisposeAsync();

        Assert.Equal(3, calls);
        Assert.Equal(3, sampling.Samples);
        Assert.Equal(0, sampling.Failures);
        Assert.Equal(1, clock.TimersCreated);
        Assert.Equal(TimeSpan.FromSeconds(15), sampling.Interval);
    }

    [Fact]
    public async Task Sampling_Disposed_TakesNoMoreSamples()
    {
        var clock = new TimerClock();
        var calls = 0;
        var sampling = new MetricsSampling(_ => Task.FromResult(Interlocked.Increment(ref calls)), TimeSpan.FromSeconds(15), clock);
        await sampling.WaitForAttemptsAsync(1, Ct);

        await sampling.DisposeAsync();
        clock.Tick();
        clock.Tick();
        await sampling.DisposeAsync();

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Sampling_FailingSample_IsCountedAndTheLoopGoesOn()
    {
        var clock = new TimerClock();
        var calls = 0;
        var sampling = new MetricsSampling(
            _ => Interlocked.Increment(ref calls) == 1 ? throw new IOException("disk full") : Task.CompletedTask, TimeSpan.FromSeconds(1), clock);

        await sampling.WaitForAttemptsAsync(1, Ct);
        var failuresAfterFirst = sampling.Failures;
        clock.Tick();
        await sampling.WaitForAttemptsAsync(2, Ct);
        await sampling.DisposeAsync();

        Assert.Equal(1, failuresAfterFirst);
        Assert.Equal(1, sampling.Failures);
        Assert.Equal(1, sampling.Samples);
        Assert.Equal("disk full", Assert.IsType<IOException>(sampling.LastError).Message);
    }

    [Fact]
    public async Task Engine_WithMetricsInterval_SamplesIntoTheHistoryAtStartAndEachTick()
    {
        var clock = new TimerClock();
        await using var engine = await OpenAsync(o => (o.TimeProvider, o.MetricsInterval) = (clock, TimeSpan.FromSeconds(10)));
        var sampling = Assert.IsType<MetricsSampling>(engine.Sampling);

        await sampling.WaitForAttemptsAsync(1, Ct);
        clock.Now += TimeSpan.FromSeconds(10);
        clock.Tick();
        await sampling.WaitForAttemptsAsync(2, Ct);

        var samples = await engine.GetMetricSamplesAsync(s_always, cancellationToken: Ct);
        Assert.Equal(2, samples.Count);
        Assert.All(samples, s => Assert.Equal(Environment.ProcessId, s.ProcessId));
        Assert.Equal([clock.Now - TimeSpan.FromSeconds(10), clock.Now], samples.Select(s => s.At));
        Assert.Equal(0, sampling.Failures);
    }

    [Fact]
    public async Task Engine_Disposed_StopsItsSampling()
    {
        var clock = new TimerClock();
        var engine = await OpenAsync(o => (o.TimeProvider, o.MetricsInterval) = (clock, TimeSpan.FromSeconds(10)));
        var sampling = engine.Sampling!;
        await sampling.WaitForAttemptsAsync(1, Ct);

        await engine.DisposeAsync();
        clock.Tick();

        Assert.Equal(1, sampling.Samples + sampling.Failures);
        Assert.Single(await Engine.GetMetricSamplesAsync(s_always, cancellationToken: Ct));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(10, true)]
    public async Task Engine_OneShotOrNoInterval_DoesNotSample(int? seconds, bool oneShot)
    {
        var clock = new TimerClock();
        await using var engine = await OpenAsync(o =>
        {
            o.TimeProvider = clock;
            o.MetricsInterval = seconds is { } s ? TimeSpan.FromSeconds(s) : null;
            o.OneShot = oneShot;
        });

        Assert.Null(engine.Sampling);
        Assert.Equal(0, clock.TimersCreated);
    }

    [Fact]
    public async Task StartSampling_ByHand_SamplesAsTheView()
    {
        var clock = new TimerClock();
        await using var engine = await OpenAsync(o => o.TimeProvider = clock);
        await using var sampling = engine.As("ann").StartSampling(TimeSpan.FromMinutes(1));

        await sampling.WaitForAttemptsAsync(1, Ct);

        Assert.Equal("ann", Assert.Single(await engine.GetMetricSamplesAsync(s_always, cancellationToken: Ct)).Agent);
    }

    [Fact]
    public async Task StartSampling_NotPositive_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Engine.StartSampling(TimeSpan.Zero).DisposeAsync());
    }

    [Theory]
    [InlineData("10s", 10)]
    [InlineData("1m", 60)]
    [InlineData("0", 0)]
    [InlineData("off", 0)]
    [InlineData("OFF", 0)]
    public void FromEnvironment_MetricsInterval_IsRead(string value, int seconds)
    {
        var options = MnemoOptions.FromEnvironment(name => name == "MNEMO_METRICS_INTERVAL" ? value : null);

        Assert.Equal(TimeSpan.FromSeconds(seconds), options.MetricsInterval);
    }

    [Fact]
    public void FromEnvironment_NoMetricsInterval_LeavesItToTheHost() =>
        Assert.Null(MnemoOptions.FromEnvironment(_ => null).MetricsInterval);

    [Theory]
    [InlineData("often")]
    [InlineData("-5s")]
    [InlineData("15")]
    public void FromEnvironment_BadMetricsInterval_ThrowsNamingTheVariable(string value)
    {
        var error = Assert.Throws<MnemoException>(() => MnemoOptions.FromEnvironment(name => name == "MNEMO_METRICS_INTERVAL" ? value : null));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains($"MNEMO_METRICS_INTERVAL='{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("15s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeMetricsInterval_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MnemoOptions { MetricsInterval = TimeSpan.FromSeconds(-1) }.Validate());
}
