using Microsoft.Data.Sqlite;
using Mnemo.Core;
using Mnemo.TestSupport;

namespace Mnemo.Sqlite.Tests;

/// <summary>
/// What status, check and checkpoints do with the SQLite database file itself: its path and size, its write-ahead log,
/// and rows changed behind Mnemo's back. The store contract's side of these operations is in Mnemo.Conformance.
/// </summary>
public sealed class SqliteMaintenanceTests : EngineTestBase
{
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

    [Theory]
    [InlineData("metadata", """'{"a":"\ud800"}'""", "the metadata")]
    [InlineData("tags", """'["\udc00"]'""", "a tag")]
    public async Task Check_StoredEntryWithAnUnpairedSurrogateEscape_IsReported(string column, string stored, string expected)
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "u/old", Text = "written before the check existed" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "u/fine", Text = "fine" }, Ct);
        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE versions SET {column} = {stored} WHERE key = 'u/old'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var report = await Engine.CheckAsync(Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Contains("'u/old' version 1", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains("unpaired", problem, StringComparison.Ordinal);
    }
}
