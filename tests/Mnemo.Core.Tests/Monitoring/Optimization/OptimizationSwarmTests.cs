using Mnemo.Core.Monitoring.Optimization;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring.Optimization;

/// <summary>
/// Swarm requests through the change feed, between engines in one test as between processes: each engine is a
/// separate participant with its own cache and identity. On the system clock, since listeners poll the feed.
/// </summary>
[Trait("Issue", "17")]
[Collection(MeterCollection.Name)]
public sealed class OptimizationSwarmTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(_temp.Path, "memory.db");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task SwarmRequest_ListeningEngine_RunsProcessStrategiesAndReportsBack()
    {
        await using var host = await TestEngines.OpenAsync(DatabasePath);
        await using var requester = await TestEngines.OpenAsync(DatabasePath);
        for (var i = 0; i < 10; i++)
        {
            await host.StoreAsync(new MemoryWrite { Key = $"notes/{i}", Text = $"note {i}" }, Ct);
            await host.GetAsync($"notes/{i}", Ct);
        }

        var listener = (OptimizationListener)host.StartOptimizationListener();
        await using (listener)
        {
            await listener.Ready.WaitAsync(Ct);

            var report = await requester.OptimizeAsync(new OptimizationRequest
            {
                Strategies = [OptimizationStrategy.EvictCaches, OptimizationStrategy.CheckpointWal],
                Swarm = true,
                SwarmTimeout = TimeSpan.FromSeconds(30),
                ExpectedPeers = 1,
            }, Ct);

            Assert.NotNull(report.RequestId);
            var peer = Assert.Single(report.Peers);
            Assert.Equal(report.RequestId, peer.RequestId);
            Assert.Equal(Environment.ProcessId, peer.ProcessId);
            var evicted = Assert.Single(peer.Results);
            Assert.Equal(OptimizationStrategy.EvictCaches, evicted.Strategy);
            Assert.Equal(OptimizationOutcome.Acted, evicted.Outcome);
            Assert.Equal(new OptimizationFigure("cached_entries", 10, 0), Assert.Single(evicted.Figures, f => f.Name == "cached_entries"));
            Assert.Equal(0, (await host.GetStatusAsync(Ct)).CachedEntries);
            Assert.Equal(1, listener.Answered);
            var monitored = await requester.GetMonitorReportAsync(TimeSpan.FromMinutes(10), cancellationToken: Ct);
            Assert.Equal(report.RequestId, Assert.Single(monitored.Optimizations).RequestId);
        }
    }

    [Fact]
    public async Task SwarmRequest_RequestersOwnListener_DoesNotAnswerIt()
    {
        await using var requester = await TestEngines.OpenAsync(DatabasePath);
        var listener = (OptimizationListener)requester.StartOptimizationListener();
        await using (listener)
        {
            await listener.Ready.WaitAsync(Ct);

            var report = await requester.OptimizeAsync(new OptimizationRequest
            {
                Strategies = [OptimizationStrategy.CompactHeap],
                Swarm = true,
                SwarmTimeout = TimeSpan.FromMilliseconds(800),
            }, Ct);

            Assert.Empty(report.Peers);
            Assert.True(report.PeersWaited >= TimeSpan.FromMilliseconds(800));
            Assert.Equal(0, listener.Answered);
        }
    }

    [Fact]
    public async Task SwarmRequest_StoreStrategiesOnly_PostsNothing()
    {
        await using var requester = await TestEngines.OpenAsync(DatabasePath);
        var head = await requester.GetFeedHeadAsync(Ct);

        var report = await requester.OptimizeAsync(new OptimizationRequest { Strategies = [OptimizationStrategy.CheckpointWal], Swarm = true }, Ct);

        Assert.Null(report.RequestId);
        Assert.Equal(head, await requester.GetFeedHeadAsync(Ct));
    }
}
