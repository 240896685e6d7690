using Mnemo.Core;
using Mnemo.TestSupport;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Coordination;

/// <summary>Storage quotas per agent and per session, kept by every write in its transaction.</summary>
public abstract class QuotaTests<TBackend> : EngineTestBase<TBackend>
    where TBackend : IStoreBackend
{
    [Fact]
    public async Task Write_BeyondTheAgentQuota_FailsNamingAgentAndQuotaAndWritesNothing()
    {
        await using var agent = await OpenAsync(o => (o.Agent, o.AgentQuotaBytes) = ("ann", 1000));
        await agent.StoreAsync(new MemoryWrite { Key = "ann/a", Text = new string('a', 600) }, Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => agent.StoreAsync(new MemoryWrite { Key = "ann/b", Text = new string('b', 600) }, Ct));

        Assert.Equal(MnemoErrorCode.QuotaExceeded, error.ErrorCode);
        Assert.Contains("agent 'ann'", error.Message, StringComparison.Ordinal);
        Assert.Contains("1,000", error.Message, StringComparison.Ordinal);
        Assert.Contains("raise the agent quota", error.Message, StringComparison.Ordinal);
        Assert.Null(await agent.GetAsync("ann/b", Ct));
    }

    [Fact]
    public async Task Usage_FollowsOverwritesByOtherAgentsAndRemovals()
    {
        await using var ann = await OpenAsync(o => o.Agent = "ann");
        await using var bob = await OpenAsync(o => o.Agent = "bob");
        await ann.StoreAsync(new MemoryWrite { Key = "k/1", Text = new string('a', 100) }, Ct);
        await ann.StoreAsync(new MemoryWrite { Key = "k/2", Text = new string('a', 50) }, Ct);

        await bob.StoreAsync(new MemoryWrite { Key = "k/1", Text = new string('b', 30) }, Ct);
        await ann.ForgetAsync("k/2", cancellationToken: Ct);

        var usage = (await ann.GetQuotaUsageAsync(Ct)).ToDictionary(u => u.Name, u => u.Bytes);
        Assert.False(usage.ContainsKey("ann"));
        Assert.True(usage["bob"] is > 30 and < 50, $"bob uses {usage["bob"]} bytes");
    }

    [Fact]
    public async Task SessionQuota_IsCheckedApartFromTheAgents()
    {
        await using var first = await OpenAsync(o => (o.Agent, o.Session, o.SessionQuotaBytes) = ("ann", "s1", 500));
        await using var second = await OpenAsync(o => (o.Agent, o.Session, o.SessionQuotaBytes) = ("ann", "s2", 500));
        await first.StoreAsync(new MemoryWrite { Key = "s/a", Text = new string('a', 400) }, Ct);

        await second.StoreAsync(new MemoryWrite { Key = "s/b", Text = new string('b', 400) }, Ct);
        var error = await Assert.ThrowsAsync<MnemoException>(() => first.StoreAsync(new MemoryWrite { Key = "s/c", Text = new string('c', 200) }, Ct));

        Assert.Contains("session 's1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warning_IsReportedFromEightyPercentOfTheQuota()
    {
        await using var agent = await OpenAsync(o => (o.Agent, o.AgentQuotaBytes) = ("ann", 1000));
        await agent.StoreAsync(new MemoryWrite { Key = "ann/a", Text = new string('a', 700) }, Ct);
        Assert.Empty(await agent.GetQuotaWarningsAsync(Ct));

        await agent.StoreAsync(new MemoryWrite { Key = "ann/b", Text = new string('b', 150) }, Ct);

        var warning = Assert.Single(await agent.GetQuotaWarningsAsync(Ct));
        Assert.Equal("ann", warning.Name);
        Assert.InRange(warning.Fraction, 0.8, 1.0);
        Assert.Contains("quota", warning.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overwrite_ThatShrinksAnEntry_IsAllowedEvenOverQuota()
    {
        await using (var generous = await OpenAsync(o => (o.Agent, o.AgentQuotaBytes) = ("ann", 10_000)))
        {
            await generous.StoreAsync(new MemoryWrite { Key = "ann/a", Text = new string('a', 900) }, Ct);
        }

        await using var strict = await OpenAsync(o => (o.Agent, o.AgentQuotaBytes) = ("ann", 500));
        await strict.StoreAsync(new MemoryWrite { Key = "ann/a", Text = "short now" }, Ct);

        Assert.Equal("short now", (await strict.GetAsync("ann/a", Ct))!.Text);
    }
}
