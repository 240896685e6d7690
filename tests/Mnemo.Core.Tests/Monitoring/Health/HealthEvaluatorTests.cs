using Mnemo.Core.Coordination;
using Mnemo.Core.Monitoring;
using Mnemo.Core.Monitoring.Health;
using Mnemo.Core.Monitoring.Trends;
using static Mnemo.Core.Tests.Monitoring.Health.HealthSamples;

namespace Mnemo.Core.Tests.Monitoring.Health;

/// <summary>The health report from a measurement and an injected metrics history: which input drives the score, leaks,
/// forecasts, and honest answers when there are too few samples.</summary>
[Trait("Issue", "17")]
public sealed class HealthEvaluatorTests
{
    private static readonly HealthThresholds s_defaults = new();

    [Fact]
    public void Evaluate_QuietMachineAndNoHistory_IsHealthyAndSaysWhatIsMissing()
    {
        var report = Evaluate(Snapshot(Start), []);

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(0, report.HistorySamples);
        var growth = Input(report, HealthInput.StoreGrowth);
        Assert.Null(growth.Value);
        Assert.Contains("0 of the 3 samples", growth.Source, StringComparison.Ordinal);
        Assert.All(report.Leaks, leak => Assert.Equal(LeakStatus.InsufficientData, leak.Verdict.Status));
        Assert.All(report.Forecasts, forecast => Assert.Null(forecast.Forecast));
    }

    [Fact]
    public void Evaluate_MachineMemory_IsUsedOverTotalFromProc()
    {
        var report = Evaluate(Snapshot(Start, machineTotal: 1000, machineAvailable: 250), []);

        var machine = Input(report, HealthInput.MachineMemory);
        Assert.Equal(0.75, machine.Value!.Value, 9);
        Assert.Equal(0.75 / 0.9 * 70, machine.Part, 9);
    }

    [Theory]
    [InlineData(HealthInput.MachineMemory)]
    [InlineData(HealthInput.ProcessMemory)]
    [InlineData(HealthInput.VectorStore)]
    [InlineData(HealthInput.StoreGrowth)]
    [InlineData(HealthInput.Quota)]
    public void Evaluate_OneInputOverItsThreshold_DrivesTheScore(string name)
    {
        // Each input 1.2 times its threshold (84 at the default warning score of 70), every other one low.
        var thresholds = s_defaults with { MemoryUsage = 0.5 };
        var now = Start + TimeSpan.FromHours(2);
        var snapshot = name switch
        {
            HealthInput.MachineMemory => Snapshot(now, machineTotal: 1000, machineAvailable: 400),
            HealthInput.ProcessMemory => Snapshot(now, resident: (long)(thresholds.ProcessMemory * 1.2)),
            HealthInput.VectorStore => Snapshot(now, vectorFileBytes: (long)(thresholds.VectorStoreSize * 1.2)),
            _ => Snapshot(now, machineTotal: 1000, machineAvailable: 900),
        };
        var perHour = thresholds.GrowthRate * 1.2;
        var history = name == HealthInput.StoreGrowth
            ? Series(13, TimeSpan.FromMinutes(10), (i, at) => Snapshot(at, pid: 7, contentBytes: 1000 + (long)(perHour * i / 6)))
            : [];
        QuotaUsage[] quotas = name == HealthInput.Quota ? [new QuotaUsage(false, "ann", 96, 100, 0.8)] : [];

        var report = HealthEvaluator.Evaluate(snapshot, quotas, 0.8, history, thresholds);

        Assert.Equal(name, report.Driver);
        Assert.Equal(84, report.Score, 6);
        Assert.Equal(HealthStatus.Warning, report.Status);
        Assert.All(report.Inputs.Where(i => i.Name != name), other => Assert.True(other.Part < 70, $"{other.Name} {other.Part}"));
    }

    [Fact]
    public void Evaluate_ProcessFarOverItsThreshold_IsCritical()
    {
        var report = Evaluate(Snapshot(Start, resident: 2 * s_defaults.ProcessMemory), []);

        Assert.Equal(100, report.Score);
        Assert.Equal(HealthStatus.Critical, report.Status);
    }

    [Fact]
    public void Evaluate_AnotherProcessRecentlySampled_CountsForProcessMemory_AnOldOneDoesNot()
    {
        var now = Start + TimeSpan.FromHours(1);
        var big = 400L << 20;
        var recent = Sample(1, Snapshot(now - TimeSpan.FromMinutes(5), pid: 42, resident: big));
        var old = Sample(2, Snapshot(now - TimeSpan.FromMinutes(30), pid: 43, resident: 2 * big));

        var report = Evaluate(Snapshot(now, pid: 100, resident: 30 << 20), [old, recent]);

        var process = Input(report, HealthInput.ProcessMemory);
        Assert.Equal(big, process.Value);
        Assert.Contains("process 42", process.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_HeapRisingInTheHistory_IsALeakAndAWarning()
    {
        // 10 MiB per minute after each collection, far above the minimum rate (the process threshold over a day).
        var history = Series(20, TimeSpan.FromMinutes(1), (i, at) => Snapshot(at, pid: 7, heap: (50L << 20) + (i * (10L << 20)) + (i % 3 * 100_000)));

        var report = Evaluate(Snapshot(Start + TimeSpan.FromMinutes(20)), history);

        var heap = Assert.Single(report.Leaks, leak => leak.Subject == "heap");
        Assert.Equal(7, heap.ProcessId);
        Assert.Equal(LeakStatus.Leak, heap.Verdict.Status);
        Assert.Equal(600L << 20, heap.Verdict.Rate!.Value, (double)(600L << 20 >> 4));
        Assert.Equal(HealthStatus.Warning, report.Status);
        Assert.True(report.Score < 70);
    }

    [Fact]
    public void Evaluate_SteadyHeapInTheHistory_IsNoLeak()
    {
        var history = Series(30, TimeSpan.FromMinutes(1), (i, at) => Snapshot(at, pid: 7, heap: (50L << 20) + (i * 7919 % 13 * 100_000)));

        var report = Evaluate(Snapshot(Start + TimeSpan.FromMinutes(30)), history);

        Assert.NotEqual(LeakStatus.Leak, Assert.Single(report.Leaks, leak => leak.Subject == "heap").Verdict.Status);
        Assert.Equal(HealthStatus.Healthy, report.Status);
    }

    [Fact]
    public void Evaluate_FewSamples_SaysInsufficientDataWithHowManyThereAreAndAreNeeded()
    {
        var history = Series(2, TimeSpan.FromMinutes(1), (i, at) => Snapshot(at, pid: 7));

        var report = Evaluate(Snapshot(Start + TimeSpan.FromMinutes(2)), history);

        Assert.All(report.Leaks, leak =>
        {
            Assert.Equal(LeakStatus.InsufficientData, leak.Verdict.Status);
            Assert.Equal(2, leak.Verdict.AvailableSamples);
            Assert.Equal(12, leak.NeededSamples);
            Assert.Contains("2 of the 12 needed", leak.Verdict.Summary, StringComparison.Ordinal);
        });
        Assert.All(report.Forecasts, forecast =>
        {
            Assert.Null(forecast.Forecast);
            Assert.Equal(2, forecast.AvailableSamples);
            Assert.Equal(3, forecast.NeededSamples);
        });
    }

    [Fact]
    public void Evaluate_ContentGrowingOnALine_ForecastsTheNextHourAndChecksPastForecasts()
    {
        // 3 hours of samples every 5 minutes, 1 MiB per hour with a little deterministic noise.
        var history = Series(37, TimeSpan.FromMinutes(5), (i, at) => Snapshot(at, pid: 7, contentBytes: 100_000 + (i * (1L << 20) / 12) + (i * 7 % 5 * 1000)));
        var last = Start + TimeSpan.FromMinutes(5 * 36);

        var report = Evaluate(Snapshot(last), history);

        var content = Assert.Single(report.Forecasts, f => f.Subject == "content");
        var forecast = content.Forecast!;
        var expected = 100_000 + (48 * (1L << 20) / 12);
        Assert.Equal(last + TimeSpan.FromHours(1), forecast.Time);
        Assert.True(forecast.Covers(expected), $"{forecast.Lower}..{forecast.Upper} vs {expected}");
        Assert.Equal(1L << 20, forecast.SlopePerSecond * 3600, 20_000.0);
        var accuracy = content.Accuracy!;
        Assert.Equal(37 - 12 - 2, accuracy.Resolved);
        Assert.NotNull(accuracy.Coverage);
        var growth = Input(report, HealthInput.StoreGrowth);
        Assert.Equal(1L << 20, growth.Value!.Value, 20_000.0);
    }

    [Fact]
    public void Evaluate_UnreadableSample_IsLeftOut()
    {
        var history = Series(3, TimeSpan.FromMinutes(1), (i, at) => Snapshot(at, pid: 7));
        history.Add(new MetricSample(9, 7, Host, null, Start + TimeSpan.FromMinutes(5), "not json"));

        var report = Evaluate(Snapshot(Start + TimeSpan.FromMinutes(6)), history);

        Assert.Equal(3, report.HistorySamples);
    }

    private static HealthReport Evaluate(MetricsSnapshot now, IReadOnlyList<MetricSample> history) =>
        HealthEvaluator.Evaluate(now, [], 0.8, history, s_defaults);

    private static HealthInput Input(HealthReport report, string name) => Assert.Single(report.Inputs, i => i.Name == name);
}
