using Mnemo.Core;
using Mnemo.Core.Coordination;
using Mnemo.TestSupport;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Coordination;

/// <summary>Access rules, enforced by the engine for every caller. Each agent is its own engine on the shared file, as separate processes are.</summary>
public abstract class AccessControlTests<TBackend> : EngineTestBase<TBackend>
    where TBackend : IStoreBackend
{
    private MnemoEngine _boss = null!;
    private MnemoEngine _worker = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _boss = await OpenAsync(o => o.Agent = "boss");
        _worker = await OpenAsync(o => o.Agent = "worker");
    }

    public override async ValueTask DisposeAsync()
    {
        await _boss.DisposeAsync();
        await _worker.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task OpenStore_WithNoRules_LetsEveryAgentDoEverything()
    {
        await _worker.StoreAsync(new MemoryWrite { Key = "anywhere/x", Text = "free for all" }, Ct);

        Assert.NotNull(await Engine.GetAsync("anywhere/x", Ct));
        Assert.True((await _worker.ListAccessRulesAsync(Ct)).StoreIsOpen);
        Assert.Single((await _worker.ForgetAsync("anywhere/x", cancellationToken: Ct)).Keys);
    }

    [Fact]
    public async Task FirstRule_ThatIsNotAdmin_IsRefusedAndNothingIsStored()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _boss.GrantAsync("worker", "swarm-x/", AccessRight.Write, Ct));

        Assert.Contains("admin", error.Message, StringComparison.Ordinal);
        Assert.True((await _boss.ListAccessRulesAsync(Ct)).StoreIsOpen);
    }

    [Fact]
    public async Task SwarmLayout_AgentWritesItsOwnAndGlobal_ReadsTheRestOfItsSwarm()
    {
        await GrantSwarmLayoutAsync();

        await _worker.StoreAsync(new MemoryWrite { Key = "swarm-x/agent-worker/state", Text = "mine" }, Ct);
        await _worker.StoreAsync(new MemoryWrite { Key = "swarm-x/global/plan", Text = "shared plan" }, Ct);
        Assert.Equal("theirs", (await _worker.GetAsync("swarm-x/agent-other/state", Ct))!.Text);
        var denied = await Assert.ThrowsAsync<MnemoException>(() =>
            _worker.StoreAsync(new MemoryWrite { Key = "swarm-x/agent-other/state", Text = "overwrite" }, Ct));

        Assert.Equal(MnemoErrorCode.AccessDenied, denied.ErrorCode);
        Assert.Contains("'worker'", denied.Message, StringComparison.Ordinal);
        Assert.Contains("swarm-x/agent-other/state", denied.Message, StringComparison.Ordinal);
        Assert.Contains("write", denied.Message, StringComparison.Ordinal);
        Assert.Equal("theirs", (await _boss.GetAsync("swarm-x/agent-other/state", Ct))!.Text);
    }

    public static TheoryData<string> DeniedOperations() =>
    [
        "store", "store-many", "get", "get-as-of", "get-version", "history", "list", "search", "full-text-search", "forget",
        "forget-pattern", "link", "unlink", "neighbors", "share", "clean", "export", "import", "grant", "revoke", "policy",
        "resolve", "watch", "backup", "restore",
    ];

    [Theory]
    [MemberData(nameof(DeniedOperations))]
    public async Task Operation_WithoutTheRight_FailsWithAccessDeniedAndChangesNothing(string operation)
    {
        await GrantSwarmLayoutAsync();
        await _boss.StoreAsync(new MemoryWrite { Key = "private/secret", Text = "boss only" }, Ct);
        await _boss.LinkAsync("private/secret", "swarm-x/agent-other/state", cancellationToken: Ct);
        var before = await Engine.GetFeedHeadAsync(Ct);
        var file = Temp.File("in.jsonl");
        await File.WriteAllTextAsync(file, """{"key":"private/imported","text":"smuggled"}""" + "\n", Ct);

        Func<Task> act = operation switch
        {
            "store" => () => _worker.StoreAsync(new MemoryWrite { Key = "private/secret", Text = "x" }, Ct),
            "store-many" => () => _worker.StoreManyAsync(
                [new MemoryWrite { Key = "swarm-x/agent-worker/ok", Text = "x" }, new MemoryWrite { Key = "private/y", Text = "y" }], Ct),
            "get" => async () => await _worker.GetAsync("private/secret", Ct),
            "get-as-of" => () => _worker.GetAsOfAsync("private/secret", Clock.GetUtcNow(), Ct),
            "get-version" => () => _worker.GetVersionAsync("private/secret", 1, Ct),
            "history" => () => _worker.GetHistoryAsync("private/secret", Ct),
            "list" => () => _worker.ListAsync("private/", cancellationToken: Ct),
            "search" => () => _worker.SearchAsync("boss", new SearchFilter { Prefix = "private/" }, Ct),
            "full-text-search" => () => _worker.FullTextSearchAsync("boss", new SearchFilter { Prefix = "private/" }, Ct),
            "forget" => () => _worker.ForgetAsync("swarm-x/agent-other/state", cancellationToken: Ct),
            "forget-pattern" => () => _worker.ForgetAsync("swarm-x/*/state", cancellationToken: Ct),
            "link" => () => _worker.LinkAsync("swarm-x/agent-other/state", "swarm-x/global/seed", cancellationToken: Ct),
            "unlink" => () => _worker.UnlinkAsync("private/secret", "swarm-x/agent-other/state", cancellationToken: Ct),
            "neighbors" => () => _worker.GetNeighborsAsync("private/secret", cancellationToken: Ct),
            "share" => () => _worker.ShareAsync("swarm-x/agent-other/state", "private/", Ct),
            "clean" => () => _worker.CleanAsync(cancellationToken: Ct),
            "export" => () => _worker.ExportAsync(Stream.Null, Ct),
            "import" => () => _worker.ImportAsync(file, cancellationToken: Ct),
            "grant" => () => _worker.GrantAsync("worker", "private/", AccessRight.Read, Ct),
            "revoke" => () => _worker.RevokeAsync("worker", "swarm-x/", Ct),
            "policy" => () => _worker.SetConflictPolicyAsync("swarm-x/", ConflictPolicy.Merge, Ct),
            "resolve" => () => _worker.ResolveConflictAsync("swarm-x/agent-other/state", null, Ct),
            "watch" => async () => await _worker.WatchAsync(1, "private/", cancellationToken: Ct).GetAsyncEnumerator(Ct).MoveNextAsync(),
            "backup" => () => _worker.BackupAsync(Temp.File("copy.db"), Ct),
            "restore" => () => _worker.RestoreAsync(Temp.File("copy.db"), Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        var error = await Assert.ThrowsAsync<MnemoException>(act);

        Assert.Equal(MnemoErrorCode.AccessDenied, error.ErrorCode);
        Assert.Contains("'worker'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Engine.GetFeedHeadAsync(Ct));
    }

    [Fact]
    public async Task ListAndSearch_UnderAPartlyReadablePrefix_ShowOnlyReadableEntries()
    {
        await GrantSwarmLayoutAsync();
        await _boss.StoreAsync(new MemoryWrite { Key = "private/plan", Text = "the launch plan is secret" }, Ct);
        await _boss.StoreAsync(new MemoryWrite { Key = "swarm-x/global/plan", Text = "the launch plan is public" }, Ct);

        var listed = await _worker.ListAsync("", limit: 100, cancellationToken: Ct);
        var found = await _worker.SearchAsync("launch plan", new SearchFilter { Limit = 10 }, Ct);

        Assert.DoesNotContain(listed.Entries, entry => entry.Key.StartsWith("private/", StringComparison.Ordinal));
        Assert.Contains(listed.Entries, entry => entry.Key == "swarm-x/global/plan");
        Assert.Equal(["swarm-x/global/plan"], found.Select(hit => hit.Entry.Key));
        Assert.Equal(2, (await _boss.SearchAsync("launch plan", new SearchFilter { Limit = 10 }, Ct)).Count);
    }

    [Fact]
    public async Task AgentWithoutName_UnderRules_IsDeniedWithAdviceToName()
    {
        await GrantSwarmLayoutAsync();

        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.StoreAsync(new MemoryWrite { Key = "swarm-x/global/x", Text = "x" }, Ct));

        Assert.Equal(MnemoErrorCode.AccessDenied, error.ErrorCode);
        Assert.Contains("act as a named agent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleForEveryAgent_AppliesToUnnamedCallersToo()
    {
        await GrantSwarmLayoutAsync();
        await _boss.GrantAsync(AccessRules.EveryAgent, "public/", AccessRight.Write, Ct);

        await Engine.StoreAsync(new MemoryWrite { Key = "public/note", Text = "anyone may write here" }, Ct);

        Assert.NotNull(await _worker.GetAsync("public/note", Ct));
    }

    [Fact]
    public async Task Revoke_TheLastAdminWhileRulesRemain_IsRefused()
    {
        await GrantSwarmLayoutAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _boss.RevokeAsync("boss", "", Ct));

        Assert.Contains("admin", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, (await _boss.ListAccessRulesAsync(Ct)).Rules.Count);
    }

    [Fact]
    public async Task Revoke_TakesEffectAtOnceInAnotherEngineThatCachedTheRules()
    {
        await GrantSwarmLayoutAsync();
        await _worker.StoreAsync(new MemoryWrite { Key = "swarm-x/global/a", Text = "allowed" }, Ct);

        Assert.True(await _boss.RevokeAsync("worker", "swarm-x/global/", Ct));

        var error = await Assert.ThrowsAsync<MnemoException>(() => _worker.StoreAsync(new MemoryWrite { Key = "swarm-x/global/b", Text = "x" }, Ct));
        Assert.Equal(MnemoErrorCode.AccessDenied, error.ErrorCode);
    }

    [Fact]
    public async Task Grant_RecordsAnAccessChangedEventWithWhoGrantedIt()
    {
        await _boss.GrantAsync("boss", "", AccessRight.Admin, Ct);

        var events = await _boss.ReadFeedAsync(0, cancellationToken: Ct);

        var granted = Assert.Single(events, e => e.Type == FeedEventType.AccessChanged);
        Assert.Equal("boss", granted.Agent);
        Assert.Equal("grant", granted.Detail!.Value.GetProperty("change").GetString());
        Assert.Equal("admin", granted.Detail!.Value.GetProperty("right").GetString());
    }

    /// <summary>boss administers everything; worker writes its own space and the swarm's global space and reads the swarm.</summary>
    private async Task GrantSwarmLayoutAsync()
    {
        await _boss.StoreAsync(new MemoryWrite { Key = "swarm-x/agent-other/state", Text = "theirs" }, Ct);
        await _boss.StoreAsync(new MemoryWrite { Key = "swarm-x/global/seed", Text = "seed" }, Ct);
        await _boss.GrantAsync("boss", "", AccessRight.Admin, Ct);
        await _boss.GrantAsync("worker", "swarm-x/", AccessRight.Read, Ct);
        await _boss.GrantAsync("worker", "swarm-x/agent-worker/", AccessRight.Write, Ct);
        await _boss.GrantAsync("worker", "swarm-x/global/", AccessRight.Write, Ct);
    }
}
