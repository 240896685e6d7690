using Mnemo.Core.Monitoring;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring;

/// <summary>Every process figure is checked against the runtime's own API, read by the test.</summary>
[Trait("Issue", "17")]
public sealed class ProcessMemorySamplerTests
{
    private const int Attempts = 20;

    [Fact]
    public void Capture_GcFigures_EqualGetGCMemoryInfoOfTheSameCollection()
    {
        GC.Collect();
        using var sampler = new ProcessMemorySampler();

        // A collection may run between the sampler's reading and the test's: compare only when both saw the same one.
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var snapshot = sampler.Capture();
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            var full = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            if (info.Index != snapshot.GcIndex || GC.GetGCMemoryInfo(GCKind.Any).Index != info.Index)
            {
                continue;
            }

            Assert.Equal(info.HeapSizeBytes, snapshot.HeapSizeBytes);
            Assert.Equal(info.FragmentedBytes, snapshot.FragmentedBytes);
            Assert.Equal(info.TotalCommittedBytes, snapshot.CommittedBytes);
            Assert.Equal(info.TotalAvailableMemoryBytes, snapshot.GcAvailableMemoryBytes);
            Assert.Equal(["gen0", "gen1", "gen2", "loh", "poh"], snapshot.Generations.Select(g => g.Generation));
            for (var i = 0; i < 5; i++)
            {
                var expected = info.GenerationInfo[i];
                var actual = snapshot.Generations[i];
                Assert.Equal(expected.SizeAfterBytes, actual.SizeAfterBytes);
                Assert.Equal(expected.SizeBeforeBytes, actual.SizeBeforeBytes);
                Assert.Equal(expected.FragmentationAfterBytes, actual.FragmentationAfterBytes);
                Assert.Equal(expected.FragmentationBeforeBytes, actual.FragmentationBeforeBytes);
            }

            Assert.Equal(full.HeapSizeBytes, snapshot.LastFullCollectionHeapBytes);
            return;
        }

        Assert.Fail($"a garbage collection ran between every one of {Attempts} pairs of readings");
    }

    [Fact]
    public void Capture_CollectionCounts_LieBetweenReadingsBeforeAndAfter()
    {
        using var sampler = new ProcessMemorySampler();
        int[] before = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

        var snapshot = sampler.Capture();

        int[] after = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        for (var generation = 0; generation < 3; generation++)
        {
            Assert.InRange(snapshot.CollectionCounts[generation], before[generation], after[generation]);
        }
    }

    [Fact]
    public void Capture_AllocationBetweenSnapshots_IsCoveredByTheRate()
    {
        const int Arrays = 64;
        const int ArrayBytes = 1 << 20;
        var clock = new ManualClock();
        using var sampler = new ProcessMemorySampler(clock);
        var first = sampler.Capture();

        var kept = new List<byte[]>();
        for (var i = 0; i < Arrays; i++)
        {
            kept.Add(new byte[ArrayBytes]);
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        var second = sampler.Capture();

        Assert.Null(first.AllocationRateBytesPerSecond);
        Assert.Equal(Arrays, kept.Count);
        Assert.True(second.TotalAllocatedBytes - first.TotalAllocatedBytes >= (long)Arrays * ArrayBytes);
        Assert.True(second.AllocationRateBytesPerSecond >= (double)Arrays * ArrayBytes / 2);
        Assert.Equal((second.TotalAllocatedBytes - first.TotalAllocatedBytes) / 2.0, second.AllocationRateBytesPerSecond);
    }

    [Fact]
    public void Capture_ClockThatDidNotMove_GivesNoRate()
    {
        using var sampler = new ProcessMemorySampler(new ManualClock());
        sampler.Capture();

        Assert.Null(sampler.Capture().AllocationRateBytesPerSecond);
    }

    [Fact]
    public void Capture_ProcessFigures_AgreeWithTheProcessApis()
    {
        using var sampler = new ProcessMemorySampler();
        using var process = System.Diagnostics.Process.GetCurrentProcess();

        var snapshot = sampler.Capture();

        Assert.Equal(Environment.ProcessId, snapshot.ProcessId);
        Assert.True(snapshot.WorkingSetBytes > 0);
        Assert.InRange(snapshot.WorkingSetBytes, Environment.WorkingSet / 2, Environment.WorkingSet * 2);
        Assert.InRange(snapshot.PrivateBytes, process.PrivateMemorySize64 / 2, process.PrivateMemorySize64 * 2);
        Assert.Equal(OperatingSystem.IsLinux(), snapshot.ResidentBytes is not null);
        Assert.Equal(OperatingSystem.IsLinux(), snapshot.ProcUnavailableReason is null);
    }
}
