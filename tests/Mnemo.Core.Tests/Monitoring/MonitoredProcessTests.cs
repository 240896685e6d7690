using System.Text.Json;
using Mnemo.Core.Monitoring;
using Mnemo.Core.Monitoring.Trends;
using Mnemo.Core.Storage;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring;

/// <summary>The processes using a store, read from the metrics history every process samples into, and one monitor refresh.</summary>
[Trait("Issue", "17")]
[Collection(MeterCollection.Name)]
public sealed class MonitoredProcessTests : EngineTestBase
{
    private const int OtherPid = 424_242;
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task GetProcesses_TwoProcesses_ListsEachWithItsLatestFigures()
    {
        await using var store = await OpenStoreAsync();
        await Engine.SampleAsync(Ct);
        Clock.Advance(TimeSpan.FromSeconds(15));
        await AddOtherAsync(store, workingSet: 100_000_000, heap: 20_000_000);
        Clock.Advance(TimeSpan.FromSeconds(15));
        var mine = await Engine.SampleAsync(Ct);
        Clock.Advance(TimeSpan.FromSeconds(5));
        var other = await AddOtherAsync(store, workingSet: 120_000_000, heap: 30_000_000, agent: "bob");

        var processes = await Engine.GetProcessesAsync(s_window, cancellationToken: Ct);

        Assert.Equal([OtherPid, Environment.ProcessId], processes.Select(p => p.ProcessId));
        var (o, m) = (processes[0], processes[1]);
        Assert.Equal((other.At, 2, "bob", 120_000_000L, 30_000_000L), (o.LastSeen, o.Samples, o.Agent, o.Latest.WorkingSetBytes, o.Latest.HeapSizeBytes));
        Assert.Equal([20_000_000.0, 30_000_000.0], o.Heap.Select(s => s.Value));
        Assert.False(o.IsCurrentProcess);
        Assert.Equal((mine.At, 2), (m.LastSeen, m.Samples));
        var taken = mine.ReadSnapshot().Process;
        Assert.Equal((taken.WorkingSetBytes, taken.HeapSizeBytes, taken.TotalAllocatedBytes, taken.GcIndex),
            (m.Latest.WorkingSetBytes, m.Latest.HeapSizeBytes, m.Latest.TotalAllocatedBytes, m.Latest.GcIndex));
        Assert.True(m.IsCurrentProcess);
        Assert.True(m.IsRunning);
    }

    [Fact]
    public async Task GetProcesses_NotSeenWithinTheWindow_IsDropped()
    {
        await using var store = await OpenStoreAsync();
        await AddOtherAsync(store, workingSet: 1, heap: 1);
        Clock.Advance(TimeSpan.FromMinutes(11));
        await Engine.SampleAsync(Ct);

        var processes = await Engine.GetProcessesAsync(s_window, cancellationToken: Ct);

        Assert.Equal(Environment.ProcessId, Assert.Single(processes).ProcessId);
    }

    [Fact]
    public async Task GetProcesses_FewSamples_SaysHowManyMoreTheTrendNeeds()
    {
        await Engine.SampleAsync(Ct);

        var process = Assert.Single(await Engine.GetProcessesAsync(s_window, cancellationToken: Ct));

        Assert.Equal(LeakStatus.InsufficientData, process.HeapTrend.Status);
        Assert.Equal(1, process.HeapTrend.AvailableSamples);
        Assert.Equal(new LeakDetectorOptions().MinimumSamples, process.SamplesNeeded);
    }

    [Fact]
    public async Task GetProcesses_HeapRisingSteadily_IsJudgedALeak_AndAFlatOneIsNot()
    {
        await using var store = await OpenStoreAsync();
        for (var i = 0; i < 20; i++)
        {
            await AddOtherAsync(store, workingSet: 1, heap: 10_000_000 + (i * 1_000_000));
            await AddOtherAsync(store, workingSet: 1, heap: 10_000_000 + (i % 3 * 1000), pid: OtherPid + 1);
            Clock.Advance(TimeSpan.FromSeconds(15));
        }

        var processes = await Engine.GetProcessesAsync(s_window, new LeakDetectorOptions { MinimumRate = 1 << 20 }, Ct);

        Assert.Equal(LeakStatus.Leak, processes.Single(p => p.ProcessId == OtherPid).HeapTrend.Status);
        Assert.Equal(LeakStatus.NoRise, processes.Single(p => p.ProcessId == OtherPid + 1).HeapTrend.Status);
    }

    [Fact]
    public async Task GetProcesses_TwoEnginesOfOneProcessAtOneInstant_AreOneProcessWithOneValuePerInstant()
    {
        await using var other = await OpenAsync(o => o.Agent = "ann");
        await Engine.SampleAsync(Ct);
        await other.SampleAsync(Ct);

        var process = Assert.Single(await Engine.GetProcessesAsync(s_window, cancellationToken: Ct));

        Assert.Equal(1, process.Samples);
        Assert.Equal("ann", process.Agent);
    }

    [Fact]
    public async Task GetProcesses_UnreadableSample_IsSkipped()
    {
        await using var store = await OpenStoreAsync();
        await store.AddMetricSampleAsync(new MetricSample(0, OtherPid, "elsewhere", null, Clock.GetUtcNow(), "{\"not\":\"a snapshot\"}"), 100, DateTimeOffset.UnixEpoch, Ct);

        Assert.Empty(await Engine.GetProcessesAsync(s_window, cancellationToken: Ct));
    }

    [Fact]
    public async Task GetMonitorReport_FilesAndPrefixes_AgreeWithTheFileSystemAndTheWrites()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "notes/a", Text = "hello" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "notes/a", Text = "hello again" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "proj/x/b", Text = "other" }, Ct);

        var report = await Engine.GetMonitorReportAsync(s_window, cancellationToken: Ct);

        var files = report.Measured.Store.Files;
        Assert.Contains(files, f => f.Kind == StoreFileKind.Database && f.Path == DatabasePath);
        Assert.All(files, f => Assert.Equal(new FileInfo(f.Path).Length, f.Bytes));
        Assert.Equal([("notes", 1L, 1L), ("proj", 1L, 0L)], report.Measured.Store.Namespaces.Select(n => (n.Prefix, n.Entries, n.HistoryVersions)));
        Assert.Equal(Clock.GetUtcNow(), report.At);
        Assert.Equal(Environment.ProcessId, report.Measured.Process.ProcessId);
        Assert.Empty(report.Processes);
    }

    [Fact]
    public async Task MonitorReportJson_OneLine_HoldsTheProcessesAndTheMeasurement()
    {
        await using var store = await OpenStoreAsync();
        await AddOtherAsync(store, workingSet: 123_456_789, heap: 7_000_000, host: "elsewhere");
        await Engine.StoreAsync(new MemoryWrite { Key = "notes/a", Text = "hello" }, Ct);

        var line = MonitorReportJson.Write(await Engine.GetMonitorReportAsync(s_window, cancellationToken: Ct));

        Assert.DoesNotContain('\n', line);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(600, root.GetProperty("window_seconds").GetDouble());
        var process = Assert.Single(root.GetProperty("processes").EnumerateArray().ToList());
        Assert.Equal(OtherPid, process.GetProperty("pid").GetInt32());
        Assert.Equal("elsewhere", process.GetProperty("host").GetString());
        Assert.Equal(JsonValueKind.Null, process.GetProperty("running").ValueKind);
        Assert.Equal(123_456_789, process.GetProperty("working_set").GetInt64());
        Assert.Equal("insufficient_data", process.GetProperty("heap_trend").GetProperty("status").GetString());
        Assert.Equal(12, process.GetProperty("heap_trend").GetProperty("needed").GetInt32());
        var measured = MetricsSnapshotJson.Read(root.GetProperty("measured").GetRawText());
        Assert.Equal("notes", Assert.Single(measured.Store.Namespaces).Prefix);
    }

    /// <summary>A sample of another process: this process's snapshot with that process's id and the given figures.</summary>
    private async Task<MetricSample> AddOtherAsync(
        IMemoryStore store, long workingSet, long heap, string? agent = null, int pid = OtherPid, string? host = null)
    {
        var snapshot = await Engine.GetMetricsAsync(cancellationToken: Ct);
        snapshot = snapshot with
        {
            Host = host ?? snapshot.Host,
            Agent = agent,
            Process = snapshot.Process with { ProcessId = pid, At = Clock.GetUtcNow(), WorkingSetBytes = workingSet, HeapSizeBytes = heap },
        };
        var sample = new MetricSample(0, pid, snapshot.Host, agent, Clock.GetUtcNow(), MetricsSnapshotJson.Write(snapshot));
        return await store.AddMetricSampleAsync(sample, 10_000, DateTimeOffset.UnixEpoch, Ct);
    }
}
