using System.Globalization;
using Mnemo.Core.Monitoring.Health;
using Mnemo.Core.Monitoring.Trends;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring.Health;

/// <summary>GetHealthAsync measures this process and the store now and reads the store's metrics history; figures are
/// checked against the operating system's and the GC's own.</summary>
[Trait("Issue", "17")]
[Collection(MeterCollection.Name)]
public sealed class HealthEngineTests : EngineTestBase
{
    [Fact]
    public async Task GetHealthAsync_FreshStore_IsHealthyWithThisProcessMeasured()
    {
        var report = await Engine.GetHealthAsync(Ct);
        var workingSet = System.Environment.WorkingSet;

        Assert.Equal(System.Environment.ProcessId, report.ProcessId);
        Assert.Equal(0, report.HistorySamples);
        var process = Assert.Single(report.Inputs, i => i.Name == HealthInput.ProcessMemory);
        Assert.Contains("(this one)", process.Source, StringComparison.Ordinal);

        // The resident set and the working set are the same pages on Linux; both move between the two readings.
        var ratio = process.Value!.Value / workingSet;
        Assert.InRange(ratio, 0.8, 1.25);
        Assert.Equal(PressureScore.Part(process.Value, report.Thresholds.ProcessMemory, 70), process.Part, 9);
        Assert.All(report.Leaks, leak => Assert.Equal(LeakStatus.InsufficientData, leak.Verdict.Status));
    }

    [Fact]
    public async Task GetHealthAsync_OnLinux_MachineMemoryAgreesWithProcMeminfo()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc/meminfo is Linux's");
        var report = await Engine.GetHealthAsync(Ct);
        var meminfo = File.ReadAllLines("/proc/meminfo").Select(l => l.Split(':', 2)).ToDictionary(p => p[0], p => long.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture));

        var used = 1 - ((double)meminfo["MemAvailable"] / meminfo["MemTotal"]);

        var machine = Assert.Single(report.Inputs, i => i.Name == HealthInput.MachineMemory);
        Assert.Equal(used, machine.Value!.Value, 0.05);
    }

    [Fact]
    public async Task GetHealthAsync_AfterSamples_JudgesTheHistory()
    {
        for (var i = 0; i < 4; i++)
        {
            await Engine.StoreAsync(new MemoryWrite { Key = $"n/{i}", Text = new string('x', 1000) }, Ct);
            await Engine.SampleAsync(Ct);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var report = await Engine.GetHealthAsync(Ct);

        Assert.Equal(4, report.HistorySamples);
        var growth = Assert.Single(report.Inputs, i => i.Name == HealthInput.StoreGrowth);
        Assert.True(growth.Value > 0, $"growth {growth.Value}");
        var content = Assert.Single(report.Forecasts, f => f.Subject == "content");
        Assert.Equal(4, content.AvailableSamples);
        Assert.NotNull(content.Forecast);
        var leak = Assert.Single(report.Leaks, l => l.Subject == "content");
        Assert.Equal(LeakStatus.InsufficientData, leak.Verdict.Status);
        Assert.Equal(4, leak.Verdict.AvailableSamples);
    }

    [Fact]
    public async Task GetHealthAsync_ProcessThresholdBelowThisProcess_IsCritical()
    {
        await using var engine = await OpenAsync(o => o.Health = new HealthThresholds { ProcessMemory = 1 << 20 });

        var report = await engine.GetHealthAsync(Ct);

        Assert.Equal(HealthStatus.Critical, report.Status);
        Assert.Equal(HealthInput.ProcessMemory, report.Driver);
        Assert.Equal(100, report.Score);
    }
}
