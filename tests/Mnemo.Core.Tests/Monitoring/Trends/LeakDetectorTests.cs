using Mnemo.Core.Monitoring.Trends;

namespace Mnemo.Core.Tests.Monitoring.Trends;

/// <summary>Leak verdicts on simulated heaps: an injected leak is found within a stated delay, a stable heap under a
/// noisy workload is rarely flagged, and the evidence and edge cases are reported.</summary>
[Trait("Issue", "17")]
public sealed class LeakDetectorTests
{
    private const double LeakPerMinute = 2 * SimulatedHeap.MiB;
    private const int Window = 60; // 15 minutes at one sample per 15 s

    private static readonly LeakDetectorOptions s_options = new()
    {
        MinimumRate = 0.5 * SimulatedHeap.MiB, // per minute
        Window = Window,
    };

    [Fact]
    public void Evaluate_LeakStartingAfterAFullStableWindow_IsFoundWithin36Samples()
    {
        // The hardest realistic start: the window is full of stable history when the leak begins, so the leak must
        // outweigh it. 2 MiB/min against a 24 MiB sawtooth, 2 MiB noise and 40 MiB spikes.
        // Measured over these 20 seeds: 25 to 32 samples after the onset (6 to 8 minutes), median 30.
        const int MaxDelay = 36;
        var detector = new LeakDetector(s_options);
        var delays = new List<int>();
        for (int seed = 1; seed <= 20; seed++)
        {
            List<TrendSample> samples = new SimulatedHeap(seed).Generate(Window + MaxDelay, LeakPerMinute, leakStart: Window);
            int delay = Enumerable.Range(1, MaxDelay).FirstOrDefault(k => detector.Evaluate(samples[..(Window + k)]).IsLeak);
            delays.Add(delay);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Detection delays (samples after onset): {string.Join(", ", delays)}");
        Assert.DoesNotContain(0, delays);
        Assert.All(delays, delay => Assert.InRange(delay, 20, MaxDelay));
    }

    [Fact]
    public void Evaluate_LeakFromTheFirstSample_IsFoundWithin36Samples()
    {
        // No stable history to outweigh, but the first few cycles of the sawtooth hide the rise.
        // Measured over these 20 seeds: 12 to 33 samples (3 to 8 minutes), median 16.
        const int MaxDelay = 36;
        var detector = new LeakDetector(s_options);
        var delays = new List<int>();
        for (int seed = 1; seed <= 20; seed++)
        {
            List<TrendSample> samples = new SimulatedHeap(seed).Generate(60, LeakPerMinute);
            delays.Add(Enumerable.Range(1, 60).FirstOrDefault(k => detector.Evaluate(samples[..k]).IsLeak));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Detection delays (samples from the start): {string.Join(", ", delays)}");
        Assert.All(delays, delay => Assert.InRange(delay, s_options.MinimumSamples, MaxDelay));
    }

    [Fact]
    public void Evaluate_StableHeapUnderNoisyWorkload_FlagsAtMostOnePercentOfWindows()
    {
        // 20 runs of 2000 samples (8.3 hours each), judged every 10 samples over the latest 60: 3,900 windows.
        double rate = FalsePositiveRate(s_options);

        TestContext.Current.TestOutputHelper?.WriteLine($"False-positive rate with a 0.5 MiB/min minimum: {rate:P3}");
        Assert.True(rate <= 0.01, $"{rate:P2} of stable windows were called leaks");
    }

    [Fact]
    public void Evaluate_StableHeapWithoutMinimumRate_FlagsAtMostTheNominalFivePercent()
    {
        // The test alone (minimum rate 0): the sawtooth's autocorrelation could inflate it above its nominal 5%.
        double rate = FalsePositiveRate(new LeakDetectorOptions { Window = Window });

        TestContext.Current.TestOutputHelper?.WriteLine($"False-positive rate with no minimum rate: {rate:P3}");
        Assert.True(rate <= 0.05, $"{rate:P2} of stable windows were called leaks");
    }

    [Fact]
    public void Evaluate_TinySignificantDrift_IsASlowRiseNotALeak()
    {
        // 0.1 MiB/min with little noise: significant, but confidently below the 0.5 MiB/min minimum.
        var random = new Random(7);
        List<TrendSample> samples = [.. Enumerable.Range(0, Window).Select(i => new TrendSample(
            DateTimeOffset.UnixEpoch + i * SimulatedHeap.Interval,
            SimulatedHeap.Baseline + 0.1 * SimulatedHeap.MiB * i / 4 + 0.05 * SimulatedHeap.MiB * SimulatedHeap.Gaussian(random)))];

        LeakVerdict verdict = new LeakDetector(s_options).Evaluate(samples);

        Assert.Equal(LeakStatus.SlowRise, verdict.Status);
        Assert.False(verdict.IsLeak);
        Assert.True(verdict.PValue < 0.05);
        Assert.Contains("not called a leak", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Leak_ReportsTheWindowEvidenceAndASentence()
    {
        List<TrendSample> samples = new SimulatedHeap(3).Generate(100, LeakPerMinute);

        LeakVerdict verdict = new LeakDetector(s_options).Evaluate(samples);

        Assert.Equal(LeakStatus.Leak, verdict.Status);
        Assert.Equal(100, verdict.AvailableSamples);
        Assert.Equal(Window, verdict.Trend!.Count);
        Assert.Equal(samples[40].Time, verdict.Trend.Start);
        Assert.Equal(samples[99].Time, verdict.Trend.End);
        Assert.InRange(LeakPerMinute, verdict.RateLower!.Value, verdict.RateUpper!.Value);
        Assert.True(verdict.RateLower > verdict.MinimumRate);
        Assert.Equal(TimeSpan.FromMinutes(1), verdict.RateUnit);
        Assert.StartsWith("Leak: a sustained rise of 2,", verdict.Summary, StringComparison.Ordinal);
        Assert.Contains("per minute", verdict.Summary, StringComparison.Ordinal);
        Assert.Contains("the last 60 samples", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FewerSamplesThanTheMinimum_ReturnsInsufficientData()
    {
        List<TrendSample> samples = new SimulatedHeap(1).Generate(11, LeakPerMinute);

        LeakVerdict verdict = new LeakDetector(s_options).Evaluate(samples);

        Assert.Equal(LeakStatus.InsufficientData, verdict.Status);
        Assert.Null(verdict.Trend);
        Assert.Null(verdict.Rate);
        Assert.Equal("Not enough samples to judge a leak: 11 of the 12 needed.", verdict.Summary);
    }

    [Fact]
    public void Evaluate_ConstantSeries_FindsNoRise()
    {
        List<TrendSample> samples = MannKendallTests.Series(15, [.. Enumerable.Repeat(5.0, 30)]);

        LeakVerdict verdict = new LeakDetector(s_options).Evaluate(samples);

        Assert.Equal(LeakStatus.NoRise, verdict.Status);
        Assert.Equal(0, verdict.Rate);
    }

    [Fact]
    public void Evaluate_UnsortedSamples_GiveTheSameVerdictAsSorted()
    {
        List<TrendSample> samples = new SimulatedHeap(5).Generate(80, LeakPerMinute);
        var random = new Random(11);
        List<TrendSample> shuffled = [.. samples.OrderBy(_ => random.Next())];

        Assert.Equal(new LeakDetector(s_options).Evaluate(samples), new LeakDetector(s_options).Evaluate(shuffled));
    }

    [Fact]
    public void Evaluate_InfiniteValue_ThrowsArgumentException()
    {
        List<TrendSample> samples = new SimulatedHeap(1).Generate(20);
        samples[4] = samples[4] with { Value = double.PositiveInfinity };

        ArgumentException error = Assert.Throws<ArgumentException>(() => new LeakDetector(s_options).Evaluate(samples));

        Assert.Contains("Sample 4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 60, 12)]
    [InlineData(1.0, 60, 12)]
    [InlineData(0.05, 501, 12)]
    [InlineData(0.05, 10, 12)]
    [InlineData(0.05, 60, 2)]
    public void Constructor_OptionOutOfRange_ThrowsArgumentException(double significance, int window, int minimumSamples)
    {
        var options = new LeakDetectorOptions { Significance = significance, Window = window, MinimumSamples = minimumSamples };

        ArgumentException error = Assert.Throws<ArgumentException>(() => new LeakDetector(options));

        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void Evaluate_StableHeap_SaysNoSustainedRiseWithTheWindowAndSlope()
    {
        List<TrendSample> samples = new SimulatedHeap(3).Generate(100);

        LeakVerdict verdict = new LeakDetector(s_options).Evaluate(samples);

        Assert.Equal(LeakStatus.NoRise, verdict.Status);
        Assert.StartsWith("No sustained rise over the last 60 samples (2026-12-07 00:10:00Z to 2026-12-07 00:24:45Z): Mann-Kendall p = ", verdict.Summary, StringComparison.Ordinal);
        Assert.Contains("per minute (95% interval", verdict.Summary, StringComparison.Ordinal);
    }

    private static double FalsePositiveRate(LeakDetectorOptions options)
    {
        var detector = new LeakDetector(options);
        int flagged = 0;
        int windows = 0;
        for (int seed = 100; seed < 120; seed++)
        {
            List<TrendSample> samples = new SimulatedHeap(seed).Generate(2000);
            for (int end = Window; end <= samples.Count; end += 10)
            {
                windows++;
                flagged += detector.Evaluate(samples[(end - Window)..end]).IsLeak ? 1 : 0;
            }
        }

        return (double)flagged / windows;
    }
}
