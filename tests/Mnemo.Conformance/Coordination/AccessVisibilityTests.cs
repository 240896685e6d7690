using Mnemo.Core;
using Mnemo.Core.Coordination;
using Mnemo.TestSupport;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Coordination;

/// <summary>What an agent may see of rules, usage, locks and change events: what its rights allow; a store admin sees all.</summary>
[Trait("Issue", "13")]
public abstract class AccessVisibilityTests<TBackend> : EngineTestBase<TBackend>
    where TBackend : IStoreBackend
{
    private MnemoEngine _boss = null!;
    private MnemoEngine _worker = null!;
    private MnemoEngine _other = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _boss = await OpenAsync(o => o.Agent = "boss");
        _worker = await OpenAsync(o => o.Agent = "worker");
        _other = await OpenAsync(o => o.Agent = "other");

        // boss administers all; worker writes swarm-x/worker/, other writes team-y/ and reads nothing else.
        await _other.StoreAsync(new MemoryWrite { Key = "team-y/plan", Text = "other's plan" }, Ct);
        await _boss.GrantAsync("boss", "", AccessRight.Admin, Ct);
        await _boss.GrantAsync("worker", "swarm-x/worker/", AccessRight.Write, Ct);
        await _boss.GrantAsync("other", "team-y/", AccessRight.Write, Ct);
        await _worker.StoreAsync(new MemoryWrite { Key = "swarm-x/worker/state", Text = "worker's state" }, Ct);
    }

    public override async ValueTask DisposeAsync()
    {
        await _boss.DisposeAsync();
        await _worker.DisposeAsync();
        await _other.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task AccessRules_AreShownToAnAgentOnlyWhenTheyApplyToIt_AndAllToTheStoreAdmin()
    {
        var worker = await _worker.ListAccessRulesAsync(Ct);
        var boss = await _boss.ListAccessRulesAsync(Ct);

        var own = Assert.Single(worker.Rules);
        Assert.Equal(("worker", "swarm-x/worker/"), (own.Agent, own.Prefix));
        Assert.Equal(2, worker.Hidden);
        Assert.False(worker.StoreIsOpen);
        Assert.Equal(3, boss.Rules.Count);
        Assert.Equal(0, boss.Hidden);
    }

    [Fact]
    public async Task QuotaUsage_ShowsAnAgentItsOwnOnly_AndEveryAgentToTheStoreAdmin()
    {
        var worker = await _worker.GetQuotaUsageAsync(Ct);
        var boss = await _boss.GetQuotaUsageAsync(Ct);

        Assert.Equal(["worker"], worker.Where(u => !u.IsSession).Select(u => u.Name));
        Assert.Equal(["other", "worker"], boss.Where(u => !u.IsSession).Select(u => u.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Watch_DoesNotShowAnAgentEventsOnKeysOrRulesItCannotSee()
    {
        var worker = await _worker.ReadFeedAsync(0, cancellationToken: Ct);
        var boss = await _boss.ReadFeedAsync(0, cancellationToken: Ct);

        Assert.DoesNotContain(worker, e => e.Key.StartsWith("team-y/", StringComparison.Ordinal));
        Assert.DoesNotContain(worker, e => e.Type == FeedEventType.AccessChanged && e.Key.Length == 0);
        Assert.Single(worker, e => e.Type == FeedEventType.AccessChanged && e.Key == "swarm-x/worker/");
        Assert.Single(worker, e => e.Type == FeedEventType.MemoryUpdated && e.Key == "swarm-x/worker/state");
        Assert.Equal(3, boss.Count(e => e.Type == FeedEventType.AccessChanged));
        Assert.Contains(boss, e => e.Key == "team-y/plan");
    }

    [Fact]
    public async Task LockList_ShowsAnAgentItsOwnLocksAndLocksOnKeysItMayRead()
    {
        await _other.AcquireLockAsync("team-y/plan", cancellationToken: Ct);
        await _worker.AcquireLockAsync("swarm-x/worker/state", cancellationToken: Ct);

        var worker = await _worker.ListLocksAsync(cancellationToken: Ct);
        var boss = await _boss.ListLocksAsync(cancellationToken: Ct);

        Assert.Equal(["swarm-x/worker/state"], worker.Select(l => l.Resource));
        Assert.Equal(2, boss.Count);
    }
}
