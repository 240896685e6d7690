using Mnemo.Core;
using Mnemo.Core.Coordination;
using Mnemo.TestSupport;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Coordination;

/// <summary>The durable change feed: entry versions and coordination events on one sequence.</summary>
public abstract class ChangeFeedTests<TBackend> : EngineTestBase<TBackend>
    where TBackend : IStoreBackend
{
    [Fact]
    public async Task Feed_ListsEveryKindOfEventOnceInSequenceOrder()
    {
        await using var ann = await OpenAsync(o => o.Agent = "ann");
        await ann.StoreAsync(new MemoryWrite { Key = "swarm/agent-ann/idea", Text = "cache the embeddings" }, Ct);
        await ann.ShareAsync("swarm/agent-ann/idea", "swarm/global/", Ct);
        await ann.ForgetAsync("swarm/agent-ann/idea", cancellationToken: Ct);
        await ann.MarkSyncCompleteAsync("swarm/", "round 1", Ct);

        var events = await ann.ReadFeedAsync(0, cancellationToken: Ct);

        Assert.Equal(
            [FeedEventType.MemoryUpdated, FeedEventType.KnowledgeShared, FeedEventType.MemoryUpdated, FeedEventType.MemoryDeleted, FeedEventType.SyncComplete],
            events.Select(e => e.Type));
        Assert.Equal(events.Select(e => e.Sequence).Order(), events.Select(e => e.Sequence));
        Assert.Equal(events.Count, events.Select(e => e.Sequence).Distinct().Count());
        Assert.All(events, e => Assert.Equal("ann", e.Agent));
        Assert.Equal("swarm/global/idea", events[1].Key);
    }

    [Fact]
    public async Task ForgetPurgingHistory_OfTheLatestWrite_ReachesAWatcherPastIt()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "p/k", Text = "one" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "p/k", Text = "two" }, Ct);
        var seen = await Engine.GetFeedHeadAsync(Ct);

        await Engine.ForgetAsync("p/k", purgeHistory: true, cancellationToken: Ct);

        var removal = Assert.Single(await Engine.ReadFeedAsync(seen, cancellationToken: Ct));
        Assert.Equal(FeedEventType.MemoryDeleted, removal.Type);
        Assert.True(removal.Sequence > seen);
    }

    [Fact]
    public async Task Watch_DeliversWhatIsThereThenLiveEventsFromAnotherEngine_EachOnceInOrder()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "w/0", Text = "before the watch" }, Ct);
        await using var writer = await OpenAsync(o => o.Agent = "writer");
        await using var watcher = await OpenAsync(o => o.FeedPollInterval = TimeSpan.FromMilliseconds(5));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var seen = new List<FeedEvent>();
        var watching = Task.Run(async () =>
        {
            await foreach (var e in watcher.WatchAsync(1, "w/", cancellationToken: stop.Token))
            {
                seen.Add(e);
                if (seen.Count == 21)
                {
                    return;
                }
            }
        }, Ct);

        for (var i = 1; i <= 20; i++)
        {
            await writer.StoreAsync(new MemoryWrite { Key = $"w/{i}", Text = $"event {i}" }, Ct);
            await writer.StoreAsync(new MemoryWrite { Key = $"elsewhere/{i}", Text = "not watched" }, Ct);
        }

        await watching.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(Enumerable.Range(0, 21).Select(i => $"w/{i}"), seen.Select(e => e.Key));
        Assert.Equal(seen.Select(e => e.Sequence).Order(), seen.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Clean_TrimsEventsOlderThanTheRetentionButKeepsEntryHistory()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "k/a", Text = "kept in history" }, Ct);
        await Engine.MarkSyncCompleteAsync("k/", null, Ct);
        Clock.Advance(TimeSpan.FromDays(8));
        await Engine.MarkSyncCompleteAsync("k/", "recent", Ct);

        var cleaned = await Engine.CleanAsync(cancellationToken: Ct);

        Assert.Equal(1, cleaned.FeedEventsTrimmed);
        var events = await Engine.ReadFeedAsync(0, cancellationToken: Ct);
        Assert.Equal([FeedEventType.MemoryUpdated, FeedEventType.SyncComplete], events.Select(e => e.Type));
        Assert.Equal("recent", events[1].Detail!.Value.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Restore_IsReportedAfterEveryEventAWatcherHasSeen()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "k/a", Text = "backed up" }, Ct);
        await Engine.BackupAsync(Temp.File("backup.db"), Ct);
        await Engine.MarkSyncCompleteAsync("k/", "after the backup", Ct);
        var seen = await Engine.GetFeedHeadAsync(Ct);

        await Engine.RestoreAsync(Temp.File("backup.db"), Ct);

        var restored = Assert.Single(await Engine.ReadFeedAsync(seen, cancellationToken: Ct));
        Assert.Equal(FeedEventType.SyncComplete, restored.Type);
        Assert.Equal("restore", restored.Detail!.Value.GetProperty("change").GetString());
    }

    [Fact]
    public async Task Share_CopiesTheEntryWithProvenanceIntoTheScope()
    {
        await using var ann = await OpenAsync(o => o.Agent = "ann");
        var source = (await ann.StoreAsync(new MemoryWrite
        {
            Key = "swarm/agent-ann/insight",
            Text = "parallel processing saves 30%",
            Tags = ["perf"],
            Metadata = System.Text.Json.JsonDocument.Parse("""{"source":"run-7"}""").RootElement,
        }, Ct)).Entry;

        var shared = await ann.ShareAsync(source.Key, "swarm/global/", Ct);

        Assert.Equal("swarm/global/insight", shared.Key);
        Assert.Equal(source.Text, shared.Text);
        Assert.Equal(["perf"], shared.Tags);
        var metadata = shared.Metadata!.Value;
        Assert.Equal("run-7", metadata.GetProperty("source").GetString());
        Assert.Equal(source.Key, metadata.GetProperty("shared_from").GetString());
        Assert.Equal(1, metadata.GetProperty("shared_version").GetInt64());
        Assert.Equal("ann", metadata.GetProperty("shared_by").GetString());
        var shareEvent = Assert.Single(await ann.ReadFeedAsync(0, cancellationToken: Ct), e => e.Type == FeedEventType.KnowledgeShared);
        Assert.Equal(shared.Key, shareEvent.Key);
    }

    [Fact]
    public async Task WriteHistory_RecordsAgentAndSession()
    {
        await using var agent = await OpenAsync(o => (o.Agent, o.Session) = ("ann", "s-42"));
        await agent.StoreAsync(new MemoryWrite { Key = "k/x", Text = "one" }, Ct);

        var change = Assert.Single(await agent.ReadFeedAsync(0, cancellationToken: Ct));
        var history = Assert.Single(await agent.GetHistoryAsync("k/x", Ct));

        Assert.Equal("ann", history.Agent);
        Assert.Equal("s-42", change.Detail!.Value.GetProperty("session").GetString());
    }
}
