using Mnemo.Core;
using Mnemo.Core.Maintenance;
using Mnemo.TestSupport;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Maintenance;

public abstract class MaintenanceTests<TBackend> : EngineTestBase<TBackend>
    where TBackend : IStoreBackend
{
    [Fact]
    public async Task Forget_Pattern_RemovesOnlyTheKeysItMatches()
    {
        foreach (var key in new[] { "session-1/a", "session-1/b/c", "session-10/a", "session-2/a" })
        {
            await Engine.StoreAsync(new MemoryWrite { Key = key, Text = key }, Ct);
        }

        var result = await Engine.ForgetAsync("session-1/*", cancellationToken: Ct);

        Assert.Equal(["session-1/a"], result.Keys);
        Assert.Equal(["session-1/b/c", "session-10/a", "session-2/a"], (await Engine.ListAsync(cancellationToken: Ct)).Entries.Select(e => e.Key));
    }

    [Fact]
    public async Task Forget_DryRun_ReportsWithoutRemoving()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "s/a", Text = "x" }, Ct);

        var result = await Engine.ForgetAsync("s/*", dryRun: true, cancellationToken: Ct);

        Assert.True(result.DryRun);
        Assert.Equal(["s/a"], result.Keys);
        Assert.NotNull(await Engine.GetAsync("s/a", Ct));
    }

    [Fact]
    public async Task Forget_UnknownKey_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.ForgetAsync("no/such", cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.NotFound, error.ErrorCode);
    }

    [Fact]
    public async Task Forget_PurgeHistory_ErasesEveryVersion()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "s/a", Text = "secret one" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "s/a", Text = "secret two" }, Ct);

        await Engine.ForgetAsync("s/a", purgeHistory: true, cancellationToken: Ct);

        // Only the fact that the key was forgotten remains: no version with content.
        var history = await Engine.GetHistoryAsync("s/a", Ct);
        Assert.Equal(ChangeKind.Delete, Assert.Single(history).Change);
        Assert.Null(history[0].Entry);
        Assert.Null(await Engine.GetVersionAsync("s/a", 1, Ct));
        Assert.Equal(0, (await Engine.GetStatusAsync(Ct)).Store.HistoryVersions);
    }

    [Fact]
    public async Task Clean_ExpiredEntries_AreRemovedAndRecordedInHistory()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "s/short", Text = "x", TimeToLive = TimeSpan.FromMinutes(1) }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "s/long", Text = "y" }, Ct);
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await Engine.GetStatusAsync(Ct)).Store.ExpiredEntries);

        var result = await Engine.CleanAsync(cancellationToken: Ct);

        Assert.Equal(["s/short"], result.ExpiredKeys);
        var status = (await Engine.GetStatusAsync(Ct)).Store;
        Assert.Equal(0, status.ExpiredEntries);
        Assert.Equal(1, status.LiveEntries);
        Assert.Equal(ChangeKind.Expire, (await Engine.GetHistoryAsync("s/short", Ct))[^1].Change);
    }

    [Fact]
    public async Task Clean_UnusedFor_RemovesOnlyEntriesNotReadSince()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "s/read", Text = "x" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "s/idle", Text = "y" }, Ct);
        Clock.Advance(TimeSpan.FromDays(20));
        await Engine.GetAsync("s/read", Ct);
        await Engine.FlushAsync(Ct);
        Clock.Advance(TimeSpan.FromDays(15));

        var dryRun = await Engine.CleanAsync(new CleanOptions { UnusedFor = TimeSpan.FromDays(30), DryRun = true }, Ct);
        var result = await Engine.CleanAsync(new CleanOptions { UnusedFor = TimeSpan.FromDays(30) }, Ct);

        Assert.Equal(["s/idle"], dryRun.UnusedKeys);
        Assert.Equal(["s/idle"], result.UnusedKeys);
        Assert.NotNull(await Engine.GetAsync("s/read", Ct));
        Assert.Null(await Engine.GetAsync("s/idle", Ct));
    }

    [Fact]
    public async Task Store_LargeRepetitiveText_IsCompressedAndStatusReportsTheSaving()
    {
        var text = string.Concat(Enumerable.Repeat("the agent decided to retry the deployment after the health check. ", 200));

        await Engine.StoreAsync(new MemoryWrite { Key = "logs/run-1", Text = text }, Ct);

        var status = (await Engine.GetStatusAsync(Ct)).Store;
        Assert.Equal(1, status.CompressedContents);
        Assert.True(status.CompressionSavedBytes > text.Length / 2, $"saved {status.CompressionSavedBytes} of {text.Length}");
        Assert.Equal(text, (await Engine.GetAsync("logs/run-1", Ct))!.Text);
    }

    [Fact]
    public async Task Store_IdenticalLargeContentInOneNamespace_IsStoredOnce()
    {
        var text = new string('z', 5000) + Guid.NewGuid();

        await Engine.StoreAsync(new MemoryWrite { Key = "docs/a", Text = text }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "docs/b", Text = text }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "other/c", Text = text }, Ct);

        var status = (await Engine.GetStatusAsync(Ct)).Store;
        Assert.Equal(2, status.SharedContents);
        Assert.Equal(3, status.SharedContentReferences);
        Assert.Equal(status.SharedContentRawBytes / 2, status.DeduplicationSavedBytes);
        Assert.Equal(text, (await Engine.GetAsync("docs/b", Ct))!.Text);
    }

    [Fact]
    public async Task Clean_PurgeHistory_DeletesContentNothingRefersTo()
    {
        var text = new string('q', 4000);
        await Engine.StoreAsync(new MemoryWrite { Key = "tmp/a", Text = text, TimeToLive = TimeSpan.FromSeconds(1) }, Ct);
        Clock.Advance(TimeSpan.FromSeconds(2));

        var result = await Engine.CleanAsync(new CleanOptions { PurgeHistory = true }, Ct);

        Assert.Equal(1, result.ContentsDeleted);
        Assert.Equal(0, (await Engine.GetStatusAsync(Ct)).Store.SharedContents);
    }

    [Fact]
    public async Task Check_ConsistentStore_ReportsNoProblems()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/x", Text = "1" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "a/x", Text = new string('w', 3000) }, Ct);
        await Engine.ForgetAsync("a/x", cancellationToken: Ct);

        var report = await Engine.CheckAsync(Ct);

        Assert.True(report.IsHealthy, string.Join("; ", report.Problems));
        Assert.Equal(1, report.KeysChecked);
        Assert.Equal(3, report.VersionsChecked);
        Assert.Equal(1, report.ContentsChecked);
    }
}
