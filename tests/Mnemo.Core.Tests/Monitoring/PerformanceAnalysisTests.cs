using Mnemo.Core.Monitoring.Optimization;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring;

/// <summary>Health and the doctor read together turn into recommendations that name what acts on each (issue 17).</summary>
[Trait("Issue", "17")]
public sealed class PerformanceAnalysisTests : EngineTestBase
{
    [Fact]
    public async Task Analyze_LowProcessThresholdAndExpiredEntries_RecommendsTheStrategiesThatAct()
    {
        await using var engine = await OpenAsync(o => o.Health = o.Health with { ProcessMemory = 1 << 20 });
        await engine.StoreAsync(new MemoryWrite { Key = "tmp/a", Text = "short-lived", TimeToLive = TimeSpan.FromMinutes(1) }, Ct);
        Clock.Advance(TimeSpan.FromMinutes(2));

        var analysis = await engine.AnalyzeAsync(Ct);

        var process = analysis.Recommendations.Single(r => r.Source == "health:process_memory");
        var expired = analysis.Recommendations.Single(r => r.Source == "doctor:expired");
        Assert.True(process.Urgent);
        Assert.Equal([OptimizationStrategy.EvictCaches, OptimizationStrategy.CompactHeap], process.Strategies);
        Assert.Contains(OptimizationStrategy.PurgeExpired, expired.Strategies);
        Assert.True(analysis.Recommendations.TakeWhile(r => r.Urgent).Count() >= 2, "urgent first");
        Assert.All(analysis.Recommendations.SkipWhile(r => r.Urgent), r => Assert.False(r.Urgent));
    }

    [Fact]
    public async Task Analyze_FreshStore_RecommendsNothing()
    {
        await using var engine = await OpenAsync(o => o.Health = o.Health with { MemoryUsage = 1, ProcessMemory = long.MaxValue / 4 });

        var analysis = await engine.AnalyzeAsync(Ct);

        Assert.Empty(analysis.Recommendations);
        Assert.Empty(analysis.Doctor.Findings);
    }
}
