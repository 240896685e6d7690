using Mnemo.Core.Monitoring.Doctor;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring.Doctor;

/// <summary>Each doctor rule on a store built to trigger it (found, with its evidence) and on one that does not.</summary>
[Trait("Issue", "17")]
public sealed class DoctorRuleTests : EngineTestBase
{
    [Fact]
    public async Task Expired_EntryPastItsTtl_IsReportedWithCountAndKey()
    {
        await StoreAsync("tmp/session", "scratch", ttl: TimeSpan.FromMinutes(5));
        await StoreAsync("tmp/keep", "kept");
        Clock.Advance(TimeSpan.FromMinutes(10));

        var finding = Assert.Single(await FindAsync("expired"));

        Assert.Equal(DoctorSeverity.Warning, finding.Severity);
        Assert.StartsWith("1 expired entry (", finding.Summary, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, line => line == "e.g. tmp/session");
        Assert.Contains(finding.Evidence, line => line.EndsWith("(5m ago)", StringComparison.Ordinal));
        Assert.Contains("purge-expired", finding.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_TtlNotReached_FindsNothing()
    {
        await StoreAsync("tmp/session", "scratch", ttl: TimeSpan.FromMinutes(5));

        Assert.Empty(await FindAsync("expired"));
    }

    [Fact]
    public async Task Unread_EntriesOlderThanThreshold_AreReportedPerPrefix()
    {
        await StoreAsync("old/a", "one");
        await StoreAsync("old/b", "two");
        await StoreAsync("read/c", "three");
        Clock.Advance(TimeSpan.FromDays(31));
        await Engine.GetAsync("read/c", Ct);
        await Engine.CheckpointAsync(Ct);

        var finding = Assert.Single(await FindAsync("unread"));

        // Bytes as quotas and metrics count them (content plus metadata): measured independently by the metrics.
        var bytes = (await Engine.GetMetricsAsync(cancellationToken: Ct)).Store.Namespaces.Single(n => n.Prefix == "old").Bytes;
        Assert.Equal($"2 entries ({bytes} B) in 1 prefix not read for 30d", finding.Summary);
        Assert.StartsWith($"old/: 2 of 2 entries (100%, {bytes} B) unread for 30d; longest unused: old/a, last used ", Assert.Single(finding.Evidence), StringComparison.Ordinal);
        Assert.Contains("unused for 30d", finding.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unread_RecentEntries_FindsNothing()
    {
        await StoreAsync("old/a", "one");
        Clock.Advance(TimeSpan.FromDays(29));

        Assert.Empty(await FindAsync("unread"));
    }

    [Fact]
    public async Task NearDuplicates_AlikeTextsInAPrefix_FormOneCluster()
    {
        await StoreAsync("notes/a", "The deploy runs every night at two from the main branch");
        await StoreAsync("notes/b", "the deploy runs every night at two from the main branch!");
        await StoreAsync("notes/c", "Backups are copied to the NAS on Sundays");

        var finding = Assert.Single(await FindAsync("near-duplicates"));

        Assert.StartsWith("1 near-duplicate cluster (2 entries", finding.Summary, StringComparison.Ordinal);
        Assert.Equal("2 entries alike: notes/a ~ notes/b", finding.Evidence[0]);
        Assert.DoesNotContain(finding.Evidence, line => line.StartsWith("capped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NearDuplicates_PrefixBeyondTheLimit_SaysItWasCapped()
    {
        await StoreAsync("notes/a", "same words here");
        await StoreAsync("notes/b", "same words here");
        await StoreAsync("notes/c", "same words here");

        var finding = Assert.Single(await FindAsync("near-duplicates", new DoctorOptions { NearDuplicateLimit = 2 }));

        Assert.Equal("2 entries alike: notes/a ~ notes/b", finding.Evidence[0]);
        Assert.Contains("capped: notes/ compared its first 2 of 3 entries (limit 2)", finding.Evidence);
    }

    [Fact]
    public async Task NearDuplicates_DifferentTextsOrPrefixes_FindNothing()
    {
        await StoreAsync("notes/a", "The deploy runs every night at two");
        await StoreAsync("other/a", "The deploy runs every night at two");
        await StoreAsync("notes/b", "Backups are copied to the NAS on Sundays");

        Assert.Empty(await FindAsync("near-duplicates"));
    }

    [Fact]
    public async Task ContradictingVersions_ValueChangedBack_ShowsTheVersions()
    {
        await StoreAsync("facts/db", "We use SQLite");
        await StoreAsync("facts/db", "We use Postgres");
        await StoreAsync("facts/db", "We use SQLite");

        var finding = Assert.Single(await FindAsync("contradicting-versions"));

        Assert.Equal(DoctorSeverity.Warning, finding.Severity);
        Assert.Equal("1 key changed back and forth (A -> B -> A)", finding.Summary);
        Assert.Equal("facts/db: changed back 1 time: v1 \"We use SQLite\" -> v2 \"We use Postgres\" -> v3 \"We use SQLite\"", Assert.Single(finding.Evidence));
    }

    [Fact]
    public async Task ContradictingVersions_ValueOnlyMovesOn_FindsNothing()
    {
        await StoreAsync("facts/db", "We use SQLite");
        await StoreAsync("facts/db", "We use Postgres");
        await StoreAsync("facts/db", "We use DuckDB");

        Assert.Empty(await FindAsync("contradicting-versions"));
    }

    [Fact]
    public async Task FastGrowth_PrefixWritingFarMoreThanBefore_IsReported()
    {
        await StoreAsync("steady/a", new string('s', 4000));
        await StoreAsync("hot/a", new string('h', 1000));
        Clock.Advance(TimeSpan.FromDays(2));
        await StoreAsync("steady/b", new string('t', 100));
        for (var i = 0; i < 5; i++)
        {
            await StoreAsync($"hot/{i + 1}", new string((char)('a' + i), 2000));
        }

        var finding = Assert.Single(await FindAsync("fast-growth", new DoctorOptions { GrowthMinBytes = 1024 }));

        // Each version's bytes are its text plus its metadata's 4 ("null"), as quotas count them.
        Assert.Equal("hot/ grows much faster than the rest: 9.8 KiB written in the last 1d on 1004 B before", finding.Summary);
        Assert.Equal(
            [
                "hot/: 5 versions, 9.8 KiB in the last 1d; 1004 B written before (+998%)",
                "the rest: 104 B in the last 1d; 3.9 KiB written before (+3%)",
                "threshold: 5 times the rest's growth, at least 1.0 KiB written",
            ],
            finding.Evidence);
    }

    [Fact]
    public async Task FastGrowth_EvenGrowth_FindsNothing()
    {
        await StoreAsync("a/1", new string('a', 4000));
        await StoreAsync("b/1", new string('b', 4000));
        Clock.Advance(TimeSpan.FromDays(2));
        await StoreAsync("a/2", new string('c', 2000));
        await StoreAsync("b/2", new string('d', 2000));

        Assert.Empty(await FindAsync("fast-growth", new DoctorOptions { GrowthMinBytes = 1024 }));
    }

    [Fact]
    public async Task HistoryDepth_KeyWithManyVersions_IsReportedWithItsCount()
    {
        for (var i = 0; i < 4; i++)
        {
            await StoreAsync("counter", $"value {i}");
        }

        await StoreAsync("calm", "once");

        var finding = Assert.Single(await FindAsync("history-depth", new DoctorOptions { HistoryDepth = 3 }));

        Assert.Equal("1 key keeps at least 3 versions", finding.Summary);
        Assert.Equal("counter: 4 versions", finding.Evidence[0]);
    }

    [Fact]
    public async Task HistoryDepth_ShallowHistories_FindNothing()
    {
        await StoreAsync("counter", "a");
        await StoreAsync("counter", "b");

        Assert.Empty(await FindAsync("history-depth", new DoctorOptions { HistoryDepth = 3 }));
    }

    [Fact]
    public async Task VectorIndex_WritesAfterTheSavedIndex_AreReportedAsLag()
    {
        await StoreAsync("n/a", "first");
        await Engine.CatchUpIndexesAsync(cancellationToken: Ct);
        await StoreAsync("n/b", "second");
        await StoreAsync("n/c", "third");

        var finding = Assert.Single(await FindAsync("vector-index", new DoctorOptions { IndexLagChanges = 2 }));

        Assert.Equal("the saved vector index is 2 changes behind the log", finding.Summary);
        Assert.EndsWith(": covers the log up to change 1", finding.Evidence[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task VectorIndex_CaughtUp_FindsNothing()
    {
        await StoreAsync("n/a", "first");
        await Engine.CatchUpIndexesAsync(cancellationToken: Ct);

        Assert.Empty(await FindAsync("vector-index", new DoctorOptions { IndexLagChanges = 1 }));
    }

    [Fact]
    public async Task VectorIndex_FileOfAnotherModel_IsReported()
    {
        await StoreAsync("n/a", "first");
        await Engine.CatchUpIndexesAsync(cancellationToken: Ct);
        var stale = DatabasePath + ".some-other-model.0123abcd.hnsw";
        await File.WriteAllBytesAsync(stale, new byte[100], Ct);

        var finding = Assert.Single(await FindAsync("vector-index"));

        Assert.StartsWith("1 vector index file was built with another model or indexed-text rule (100 B)", finding.Summary, StringComparison.Ordinal);
        Assert.Equal($"{stale}: 100 B", finding.Evidence[0]);
    }

    [Fact]
    public async Task Wal_LargeAgainstTheDatabase_IsReportedWithBothSizes()
    {
        await StoreAsync("n/a", "first");

        var finding = Assert.Single(await FindAsync("wal", new DoctorOptions { WalMinBytes = 0, WalShare = 0 }));

        Assert.Equal(DoctorSeverity.Warning, finding.Severity);
        Assert.StartsWith($"{DatabasePath}-wal: ", finding.Evidence[0], StringComparison.Ordinal);
        Assert.StartsWith("database: ", finding.Evidence[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wal_SmallLog_FindsNothing()
    {
        await StoreAsync("n/a", "first");

        Assert.Empty(await FindAsync("wal"));
    }

    [Fact]
    public async Task Quota_NearTheLimit_IsAWarningNamingTheAgent()
    {
        await using var ann = await OpenAsync(o => { o.Agent = "ann"; o.AgentQuotaBytes = 1000; });
        await ann.StoreAsync(new MemoryWrite { Key = "ann/notes", Text = new string('x', 850) }, Ct);

        var report = await ann.DiagnoseAsync(new DoctorOptions { Rules = ["quota"] }, Ct);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(DoctorSeverity.Warning, finding.Severity);
        Assert.StartsWith("agent 'ann' uses 8", finding.Summary, StringComparison.Ordinal);
        Assert.StartsWith("8", finding.Evidence[0], StringComparison.Ordinal);
        Assert.EndsWith(" of 1000 B", finding.Evidence[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quota_FarFromTheLimit_FindsNothing()
    {
        await using var ann = await OpenAsync(o => o.Agent = "ann");
        await ann.StoreAsync(new MemoryWrite { Key = "ann/notes", Text = "small" }, Ct);

        Assert.Empty((await ann.DiagnoseAsync(new DoctorOptions { Rules = ["quota"] }, Ct)).Findings);
    }

    [Fact]
    public async Task OrphanLinks_EndForgotten_IsReportedNamingTheMissingEnd()
    {
        await StoreAsync("a", "one");
        await StoreAsync("b", "two");
        await Engine.LinkAsync("a", "b", "led-to", cancellationToken: Ct);
        await Engine.ForgetAsync("b", cancellationToken: Ct);

        var finding = Assert.Single(await FindAsync("orphan-links"));

        Assert.Equal("1 link has an end that is no longer an entry", finding.Summary);
        Assert.Equal("a -[led-to]-> b (b gone)", Assert.Single(finding.Evidence));
        Assert.Contains("mnemo unlink", finding.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrphanLinks_BothEndsLive_FindsNothing()
    {
        await StoreAsync("a", "one");
        await StoreAsync("b", "two");
        await Engine.LinkAsync("a", "b", "led-to", cancellationToken: Ct);

        Assert.Empty(await FindAsync("orphan-links"));
    }

    private Task StoreAsync(string key, string text, TimeSpan? ttl = null) =>
        Engine.StoreAsync(new MemoryWrite { Key = key, Text = text, TimeToLive = ttl }, Ct);

    private async Task<IReadOnlyList<DoctorFinding>> FindAsync(string rule, DoctorOptions? options = null)
    {
        var report = await Engine.DiagnoseAsync((options ?? new DoctorOptions()) with { Rules = [rule] }, Ct);
        Assert.Equal([rule], report.RulesRun);
        Assert.All(report.Findings, finding => Assert.Equal(rule, finding.Rule));
        return report.Findings;
    }
}
