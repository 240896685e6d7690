using Mnemo.Core.Entries;
using Mnemo.Core.Errors;
using Mnemo.Core.Maintenance;

namespace Mnemo.Sqlite.Tests.Engine;

public sealed class MaintenanceTests : EngineTestBase
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
    public async Task Status_CountsEntriesVersionsAndNamespaces()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/x", Text = "1" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "a/x", Text = "2" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "b/y", Text = "3" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "b/z", Text = "4" }, Ct);
        await Engine.ForgetAsync("b/z", cancellationToken: Ct);

        var status = (await Engine.GetStatusAsync(Ct)).Store;

        Assert.Equal(DatabasePath, status.Location);
        Assert.Equal(2, status.LiveEntries);
        Assert.Equal(1, status.RemovedEntries);
        Assert.Equal(2, status.HistoryVersions);
        Assert.Equal(2, status.Namespaces);
        Assert.Equal(5, status.LastSequence);
        Assert.True(status.DatabaseBytes > 0);
    }

    [Fact]
    public async Task Checkpoint_AfterWritesLargerThanTheLogThreshold_LeavesEverythingInTheMainFile()
    {
        // About 7 MB of writes: the log passes the 1,000-page threshold, so background checkpoints run meanwhile.
        var random = new Random(17);
        for (var batch = 0; batch < 30; batch++)
        {
            await Engine.StoreManyAsync(Enumerable.Range(0, 100).Select(i => new MemoryWrite
            {
                Key = $"bulk/{batch:D2}-{i:D3}",
                Text = string.Concat(Enumerable.Range(0, 2300).Select(_ => (char)('a' + random.Next(26)))),
            }).ToList(), Ct);
        }

        await Engine.CheckpointAsync(Ct);

        // The main file alone, without its write-ahead log, must hold every entry.
        var copy = Temp.File("copy.db");
        File.Copy(DatabasePath, copy);
        await using var fromCopy = await Mnemo.TestSupport.TestEngines.OpenAsync(copy, Clock);
        Assert.Equal(3000, (await fromCopy.GetStatusAsync(Ct)).Store.LiveEntries);
        Assert.True((await fromCopy.CheckAsync(Ct)).IsHealthy);
    }

    [Fact]
    public async Task ManyWrites_WriteAheadLogStaysBounded()
    {
        // About 28 MB written one entry per transaction, with SQLite's own automatic checkpoint switched off: the
        // log must still restart from its beginning, after background checkpoints or, when those fall behind (a
        // loaded machine), at the 4,000-frame (16 MiB) limit where the writer checkpoints itself.
        var random = new Random(23);
        var text = new char[2300];
        for (var i = 0; i < 12_000; i++)
        {
            for (var c = 0; c < text.Length; c++)
            {
                text[c] = (char)('a' + random.Next(26));
            }

            await Engine.StoreAsync(new MemoryWrite { Key = $"stream/{i % 3000:D4}", Text = new string(text) }, Ct);
        }

        var walBytes = new FileInfo(DatabasePath + "-wal").Length;
        Assert.True(walBytes < 20 << 20, $"write-ahead log is {walBytes:N0} bytes");
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

    [Fact]
    public async Task Check_PayloadChangedBehindMnemosBack_IsReported()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/x", Text = "original" }, Ct);
        await Engine.DisposeAsync();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE versions SET payload = X'0100000041' WHERE key = 'a/x'";
            command.ExecuteNonQuery();
        }

        await using var reopened = await OpenAsync();
        var report = await reopened.CheckAsync(Ct);

        Assert.False(report.IsHealthy);
        Assert.Contains(report.Problems, problem => problem.Contains("a/x", StringComparison.Ordinal) && problem.Contains("hash", StringComparison.Ordinal));
    }
}
