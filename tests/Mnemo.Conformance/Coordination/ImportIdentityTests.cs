using Mnemo.Core;
using Mnemo.Core.Coordination;
using Mnemo.TestSupport;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Coordination;

/// <summary>
/// An import writes as its caller: the <c>"agent"</c> of a line is data, never the identity checked by access rules or
/// charged by quotas (issue 13, item 1).
/// </summary>
[Trait("Issue", "13")]
public abstract class ImportIdentityTests<TBackend> : EngineTestBase<TBackend>
    where TBackend : IStoreBackend
{
    [Theory]
    [InlineData(",\"agent\":\"coordinator\"")]
    [InlineData("")]
    [InlineData(",\"agent\":\"\"")]
    public async Task Import_LineForAKeyTheCallerMayNotWrite_IsDeniedByLineAndWritesNothing(string agentField)
    {
        await using var coordinator = await OpenAsync(o => o.Agent = "coordinator");
        await using var b = await OpenAsync(o => o.Agent = "b");
        await coordinator.GrantAsync("coordinator", "", AccessRight.Admin, Ct);
        await coordinator.GrantAsync("b", "b/", AccessRight.Write, Ct);
        await coordinator.StoreAsync(new MemoryWrite { Key = "a/secret", Text = "the original" }, Ct);
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"key":"b/own","text":"mine"}""",
            $$"""{"key":"a/secret","text":"overwritten"{{agentField}}}""",
        ], Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => b.ImportAsync(file, cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.AccessDenied, error.ErrorCode);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("agent 'b'", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", error.Message, StringComparison.Ordinal);
        Assert.Equal("the original", (await coordinator.GetAsync("a/secret", Ct))!.Text);
        Assert.Null(await coordinator.GetAsync("b/own", Ct));
    }

    [Fact]
    public async Task Import_ByAWriterWithoutAdmin_RecordsTheCallerNotTheLinesAgent()
    {
        await using var coordinator = await OpenAsync(o => o.Agent = "coordinator");
        await using var b = await OpenAsync(o => o.Agent = "b");
        await coordinator.GrantAsync("coordinator", "", AccessRight.Admin, Ct);
        await coordinator.GrantAsync("b", "b/", AccessRight.Write, Ct);
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, ["""{"key":"b/note","text":"from a file","agent":"coordinator"}"""], Ct);

        await b.ImportAsync(file, cancellationToken: Ct);

        Assert.Equal("b", (await b.GetAsync("b/note", Ct))!.Agent);
        var step = Assert.Single(await b.GetHistoryAsync("b/note", Ct));
        Assert.Equal("b", step.Agent);
        Assert.Equal("b", step.ImportedBy);
    }

    [Fact]
    public async Task Import_ByAnAdmin_KeepsTheLinesAgentAndRecordsWhoImportedIt()
    {
        await using var admin = await OpenAsync(o => o.Agent = "admin");
        await admin.GrantAsync("admin", "", AccessRight.Admin, Ct);
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, ["""{"key":"a/restored","text":"as exported","agent":"worker1"}"""], Ct);

        await admin.ImportAsync(file, cancellationToken: Ct);

        Assert.Equal("worker1", (await admin.GetAsync("a/restored", Ct))!.Agent);
        var step = Assert.Single(await admin.GetHistoryAsync("a/restored", Ct));
        Assert.Equal("worker1", step.Agent);
        Assert.Equal("admin", step.ImportedBy);
    }

    [Fact]
    public async Task Import_LinesNamingOtherAgents_AreChargedToTheCallersQuota()
    {
        await using var ann = await OpenAsync(o => (o.Agent, o.AgentQuotaBytes) = ("ann", 1000));
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            $$"""{"key":"x/1","text":"{{new string('a', 600)}}","agent":"someone-else"}""",
            $$"""{"key":"x/2","text":"{{new string('b', 600)}}","agent":""}""",
        ], Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => ann.ImportAsync(file, cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.QuotaExceeded, error.ErrorCode);
        Assert.Contains("agent 'ann'", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ann.GetQuotaUsageAsync(Ct));
    }

    [Fact]
    public async Task Import_KeepingLineAgents_ChargesTheImporterAndAnOverwriteMovesTheBytes()
    {
        await using var ann = await OpenAsync(o => o.Agent = "ann");
        await using var bob = await OpenAsync(o => o.Agent = "bob");
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, [$$"""{"key":"x/1","text":"{{new string('a', 600)}}","agent":"worker1"}"""], Ct);

        await ann.ImportAsync(file, cancellationToken: Ct);
        var agent = (await ann.GetAsync("x/1", Ct))!.Agent;
        var afterImport = (await ann.GetQuotaUsageAsync(Ct)).ToDictionary(u => u.Name, u => u.Bytes);
        await bob.StoreAsync(new MemoryWrite { Key = "x/1", Text = "short" }, Ct);
        var afterOverwrite = (await ann.GetQuotaUsageAsync(Ct)).ToDictionary(u => u.Name, u => u.Bytes);

        Assert.Equal("worker1", agent);
        Assert.True(afterImport["ann"] >= 600, $"ann uses {afterImport.GetValueOrDefault("ann")} bytes");
        Assert.False(afterImport.ContainsKey("worker1"));
        Assert.False(afterOverwrite.ContainsKey("ann"));
        Assert.True(afterOverwrite["bob"] < 100);
        Assert.True((await ann.CheckAsync(Ct)).IsHealthy);
    }

    [Fact]
    public async Task ImportLinks_ByAWriterWithoutAdmin_RecordTheCallerAsTheLinksAgent()
    {
        await using var coordinator = await OpenAsync(o => o.Agent = "coordinator");
        await using var b = await OpenAsync(o => o.Agent = "b");
        await coordinator.GrantAsync("coordinator", "", AccessRight.Admin, Ct);
        await coordinator.GrantAsync("b", "b/", AccessRight.Write, Ct);
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"key":"b/1","text":"one"}""",
            """{"key":"b/2","text":"two"}""",
            """{"link":{"from":"b/1","to":"b/2","agent":"coordinator"}}""",
        ], Ct);

        await b.ImportAsync(file, cancellationToken: Ct);

        var neighbor = Assert.Single(await b.GetNeighborsAsync("b/1", cancellationToken: Ct));
        Assert.Equal("b", neighbor.Link.Agent);
    }
}
