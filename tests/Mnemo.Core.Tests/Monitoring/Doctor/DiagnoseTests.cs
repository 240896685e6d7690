using System.Buffers;
using System.Text.Json;
using Mnemo.Core.Monitoring.Doctor;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring.Doctor;

/// <summary>The doctor as a whole: every rule runs, a clean store has no finding, nothing is written, and its one JSON shape.</summary>
[Trait("Issue", "17")]
public sealed class DiagnoseTests : EngineTestBase
{
    [Fact]
    public async Task Diagnose_CleanStore_RunsEveryRuleAndFindsNothing()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "notes/a", Text = "The deploy runs at two" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "notes/b", Text = "Backups go to the NAS" }, Ct);

        var report = await Engine.DiagnoseAsync(cancellationToken: Ct);

        Assert.Equal(DoctorRules.Names, report.RulesRun);
        Assert.Equal(10, report.RulesRun.Count);
        Assert.Empty(report.Findings);
        Assert.Null(report.Worst);
        Assert.Equal(Clock.GetUtcNow(), report.At);
    }

    [Fact]
    public async Task Diagnose_FindingsOfSeveralRules_AreMostSevereFirst()
    {
        await using (var writer = await OpenAsync(o => o.Agent = "ann"))
        {
            await writer.StoreAsync(new MemoryWrite { Key = "a", Text = new string('x', 50), TimeToLive = TimeSpan.FromSeconds(1) }, Ct);
            await writer.StoreAsync(new MemoryWrite { Key = "b", Text = new string('y', 45) }, Ct);
            await writer.LinkAsync("b", "a", cancellationToken: Ct);
        }

        Clock.Advance(TimeSpan.FromSeconds(2));

        // A quota lowered below what the agent holds: critical.
        await using var ann = await OpenAsync(o => { o.Agent = "ann"; o.AgentQuotaBytes = 80; });
        var report = await ann.DiagnoseAsync(cancellationToken: Ct);

        Assert.Equal(["quota", "expired", "orphan-links"], report.Findings.Select(f => f.Rule));
        Assert.Equal(DoctorSeverity.Critical, report.Worst);
    }

    [Fact]
    public async Task Diagnose_ReadsOnly_ChangesNoSequenceAndRecordsNoRead()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "facts/db", Text = "SQLite" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "facts/db", Text = "Postgres" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "facts/db", Text = "SQLite" }, Ct);
        await Engine.CheckpointAsync(Ct);
        var before = await Engine.GetStatusAsync(Ct);

        await Engine.DiagnoseAsync(cancellationToken: Ct);
        await Engine.CheckpointAsync(Ct);

        var after = await Engine.GetStatusAsync(Ct);
        Assert.Equal(before.Store.LastSequence, after.Store.LastSequence);
        Assert.Equal(0, (await Engine.GetHistoryAsync("facts/db", Ct))[^1].Entry!.AccessCount);
    }

    [Fact]
    public async Task Diagnose_UnknownRule_ThrowsNamingTheRules()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Engine.DiagnoseAsync(new DoctorOptions { Rules = ["wall"] }, Ct));

        Assert.Contains("'wall' is not a doctor rule", error.Message, StringComparison.Ordinal);
        Assert.Contains("orphan-links", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_NonPositiveUnreadFor_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Engine.DiagnoseAsync(new DoctorOptions { UnreadFor = TimeSpan.Zero }, Ct));
    }

    [Fact]
    public void Json_Report_HasOneShape()
    {
        var report = new DoctorReport(
            [new DoctorFinding("wal", DoctorSeverity.Warning, "big log", ["a", "b"], "checkpoint")], ["wal", "quota"],
            DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(1.5));
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            DoctorReportJson.Write(writer, report);
        }

        using var json = JsonDocument.Parse(buffer.WrittenMemory);
        var root = json.RootElement;
        Assert.Equal(1.5, root.GetProperty("took_ms").GetDouble());
        Assert.Equal("warning", root.GetProperty("worst").GetString());
        Assert.Equal(["wal", "quota"], root.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        Assert.Equal(["rule", "severity", "summary", "evidence", "advice"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["a", "b"], finding.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
    }
}
