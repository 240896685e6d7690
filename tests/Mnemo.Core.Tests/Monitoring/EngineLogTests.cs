using Mnemo.Core.Monitoring;
using Mnemo.Core.Monitoring.Optimization;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring;

/// <summary>The engine's recent log holds what it carried on from, bounded (issue 17: mnemo://system-logs).</summary>
[Trait("Issue", "17")]
public sealed class EngineLogTests : EngineTestBase
{
    [Fact]
    public async Task Store_PastTheQuotaWarning_IsLoggedWithTheAgentAndKey()
    {
        await using var engine = await OpenAsync(o =>
        {
            o.Agent = "ann";
            o.AgentQuotaBytes = 1000;
        });

        await engine.StoreAsync(new MemoryWrite { Key = "notes/small", Text = "small" }, Ct);
        await engine.StoreAsync(new MemoryWrite { Key = "notes/big", Text = new string('x', 900) }, Ct);

        var entry = Assert.Single(engine.GetRecentLog());
        Assert.Equal(EngineLogLevel.Warning, entry.Level);
        Assert.Equal("quota", entry.Source);
        Assert.Contains("'ann'", entry.Message, StringComparison.Ordinal);
        Assert.Contains("notes/big", entry.Message, StringComparison.Ordinal);
        Assert.Equal(Clock.GetUtcNow(), entry.At);
    }

    [Fact]
    public async Task Optimize_ThatActs_IsLoggedAsInformation()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "w/1", Text = "to checkpoint" }, Ct);

        await Engine.OptimizeAsync(new OptimizationRequest { Strategies = [OptimizationStrategy.CheckpointWal] }, Ct);
        await Engine.OptimizeAsync(new OptimizationRequest { Strategies = [OptimizationStrategy.CheckpointWal], DryRun = true }, Ct);

        var entry = Assert.Single(Engine.GetRecentLog(EngineLogLevel.Information));
        Assert.Equal(("optimize", EngineLogLevel.Information), (entry.Source, entry.Level));
        Assert.StartsWith("checkpoint-wal: ", entry.Message, StringComparison.Ordinal);
        Assert.Empty(Engine.GetRecentLog());
    }

    [Fact]
    public void Log_PastItsCapacity_KeepsTheNewestAndFiltersByLevel()
    {
        var log = new EngineLog(Clock);
        for (var i = 0; i < EngineLog.Capacity + 10; i++)
        {
            log.Record(i % 2 == 0 ? EngineLogLevel.Warning : EngineLogLevel.Information, "test", $"entry {i}");
        }

        var all = log.Recent(EngineLogLevel.Information, int.MaxValue);
        var warnings = log.Recent(EngineLogLevel.Warning, 3);

        Assert.Equal(EngineLog.Capacity, all.Count);
        Assert.Equal("entry 10", all[0].Message);
        Assert.Equal(["entry 260", "entry 262", "entry 264"], warnings.Select(e => e.Message));
    }
}
