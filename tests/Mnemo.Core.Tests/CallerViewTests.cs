using Mnemo.Core.Coordination;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests;

/// <summary>One engine serving many callers: views made by <c>As(agent, session)</c> over one store, cache and index.</summary>
public sealed class CallerViewTests : EngineTestBase
{
    [Fact]
    public async Task TwoViews_WritingWithDifferentAgents_RecordDifferentAgentsAndSessions()
    {
        var ann = Engine.As("ann", "s1");
        var bob = Engine.As("bob");

        var first = (await ann.StoreAsync(new MemoryWrite { Key = "team/plan", Text = "v1" }, Ct)).Entry;
        var second = (await bob.StoreAsync(new MemoryWrite { Key = "team/plan", Text = "v2" }, Ct)).Entry;

        Assert.Equal("ann", first.Agent);
        Assert.Equal("bob", second.Agent);
        Assert.Equal(["ann", "bob"], (await Engine.GetHistoryAsync("team/plan", Ct)).Select(v => v.Agent));
        Assert.Equal(("ann", "s1"), (ann.Agent, ann.Session));
        Assert.Equal(("bob", (string?)null), (bob.Agent, bob.Session));
    }

    [Fact]
    public async Task Engine_WithoutAView_ActsAsTheOptionsAgentAndSession()
    {
        await using var engine = await OpenAsync(o => (o.Agent, o.Session) = ("planner", "run-7"));

        var entry = (await engine.StoreAsync(new MemoryWrite { Key = "team/plan", Text = "v1" }, Ct)).Entry;

        Assert.Equal(("planner", "run-7"), (engine.Agent, engine.Session));
        Assert.Equal("planner", entry.Agent);
    }

    [Fact]
    public async Task AccessRule_DenyingOneAgent_DeniesOnlyThatAgentsView()
    {
        var boss = Engine.As("boss");
        var worker = Engine.As("worker");
        await boss.GrantAsync("boss", "", AccessRight.Admin, Ct);
        await boss.GrantAsync("worker", "", AccessRight.Read, Ct);

        await boss.StoreAsync(new MemoryWrite { Key = "team/plan", Text = "the boss's plan" }, Ct);
        var denied = await Assert.ThrowsAsync<MnemoException>(() => worker.StoreAsync(new MemoryWrite { Key = "team/plan", Text = "mine" }, Ct));

        Assert.Equal(MnemoErrorCode.AccessDenied, denied.ErrorCode);
        Assert.Contains("'worker'", denied.Message, StringComparison.Ordinal);
        Assert.Equal("the boss's plan", (await worker.GetAsync("team/plan", Ct))!.Text);
        await Assert.ThrowsAsync<MnemoException>(() => Engine.As("stranger").GetAsync("team/plan", Ct).AsTask());
    }

    [Fact]
    public async Task Quotas_AreChargedPerAgentAndPerSession_ThroughViews()
    {
        await using var engine = await OpenAsync(o => (o.AgentQuotaBytes, o.SessionQuotaBytes) = (1000, 700));
        await engine.As("ann", "s1").StoreAsync(new MemoryWrite { Key = "q/a", Text = new string('a', 600) }, Ct);
        await engine.As("bob", "s2").StoreAsync(new MemoryWrite { Key = "q/b", Text = new string('b', 600) }, Ct);

        var overAgent = await Assert.ThrowsAsync<MnemoException>(() =>
            engine.As("ann", "s3").StoreAsync(new MemoryWrite { Key = "q/c", Text = new string('c', 500) }, Ct));
        var overSession = await Assert.ThrowsAsync<MnemoException>(() =>
            engine.As("carol", "s1").StoreAsync(new MemoryWrite { Key = "q/d", Text = new string('d', 200) }, Ct));

        Assert.Contains("agent 'ann'", overAgent.Message, StringComparison.Ordinal);
        Assert.Contains("session 's1'", overSession.Message, StringComparison.Ordinal);
        Assert.Equal("s1", Assert.Single(await engine.As("ann", "s1").GetQuotaWarningsAsync(Ct)).Name);
        Assert.Equal("s2", Assert.Single(await engine.As("bob", "s2").GetQuotaWarningsAsync(Ct)).Name);
        Assert.Empty(await engine.As("ann", "s3").GetQuotaWarningsAsync(Ct));
    }

    [Fact]
    public async Task Views_ShareTheCacheAndReadStatistics_OfOneEngine()
    {
        var writer = Engine.As("ann");
        var reader = Engine.As("bob");

        await writer.StoreAsync(new MemoryWrite { Key = "team/plan", Text = "v1" }, Ct);
        var read = await reader.GetAsync("team/plan", Ct);
        await writer.StoreAsync(new MemoryWrite { Key = "team/plan", Text = "v2" }, Ct);
        var reread = await reader.GetAsync("team/plan", Ct);
        await Engine.FlushAsync(Ct);

        Assert.Equal("v1", read!.Text);
        Assert.Equal("v2", reread!.Text);
        Assert.Equal(2, (await Engine.ListAsync("team/", cancellationToken: Ct)).Entries[0].AccessCount);
    }

    [Fact]
    public async Task DisposingAView_LeavesTheEngineOpen_AndDisposingTheEngineEndsItsViews()
    {
        var view = Engine.As("ann");
        await view.DisposeAsync();

        await Engine.StoreAsync(new MemoryWrite { Key = "team/plan", Text = "still open" }, Ct);
        Assert.Equal("still open", (await view.GetAsync("team/plan", Ct))!.Text);
        await Engine.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => view.StoreAsync(new MemoryWrite { Key = "team/plan", Text = "x" }, Ct));
        Assert.Throws<ObjectDisposedException>(() => view.As("bob"));
    }

    [Fact]
    public void As_WithAnInvalidName_FailsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => Engine.As("not a name"));

        Assert.Contains("'not a name'", error.Message, StringComparison.Ordinal);
    }
}
