using Microsoft.Data.Sqlite;
using Mnemo.Core;
using Mnemo.TestSupport;

namespace Mnemo.Sqlite.Tests;

/// <summary>
/// Opening a store that is ready (current schema) and closing it after reads take no write lock and write nothing, so a
/// reading command neither waits behind other processes' writers nor changes the files; a writer still folds its log back.
/// The base class's engine keeps the database open throughout, as another process (a server) would.
/// </summary>
[Trait("Issue", "15")]
public sealed class OpenWithoutWritingTests : EngineTestBase
{
    [Fact]
    public async Task Open_ReadyStoreWhileAnotherConnectionHoldsTheWriteLock_ReadsWithoutWaiting()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one" }, Ct);
        using var holder = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        holder.Open();
        Execute(holder, "BEGIN IMMEDIATE");

        // No busy wait at all: taking the write lock anywhere in open or close would fail at once.
        var reader = await OpenAsync(options => (options.BusyTimeout, options.OneShot) = (TimeSpan.Zero, true));
        var page = await reader.ListAsync("a/", cancellationToken: Ct);
        await reader.DisposeAsync();
        Execute(holder, "ROLLBACK");

        Assert.Equal("a/b", Assert.Single(page.Entries).Key);
    }

    [Fact]
    public async Task Dispose_AfterOnlyReading_LeavesTheDatabaseAndItsLogAsTheyWere()
    {
        // Another writer's changes wait in the log (this engine checkpoints only past 1,000 pages).
        await Engine.StoreManyAsync([new MemoryWrite { Key = "a/b", Text = "one" }, new MemoryWrite { Key = "a/c", Text = "two" }], cancellationToken: Ct);
        var database = await File.ReadAllBytesAsync(DatabasePath, Ct);
        var logBytes = new FileInfo(DatabasePath + "-wal").Length;

        var reader = await OpenAsync(options => options.OneShot = true);
        await reader.ListAsync("a/", cancellationToken: Ct);
        await reader.GetHistoryAsync("a/b", Ct);
        await reader.GetStatusAsync(Ct);
        await reader.DisposeAsync();

        Assert.True(logBytes > 0);
        Assert.Equal(logBytes, new FileInfo(DatabasePath + "-wal").Length);
        Assert.Equal(database, await File.ReadAllBytesAsync(DatabasePath, Ct));
    }

    [Fact]
    public async Task Dispose_AfterReadsCountedByAGet_LeavesTheDatabaseFileAsItWas()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one" }, Ct);
        var database = await File.ReadAllBytesAsync(DatabasePath, Ct);

        var reader = await OpenAsync(options => options.OneShot = true);
        await reader.GetAsync("a/b", Ct);
        await reader.DisposeAsync();

        // The read count went to the log (the next checkpoint folds it back), not into the file by a checkpoint at close.
        Assert.Equal(database, await File.ReadAllBytesAsync(DatabasePath, Ct));
        Assert.Equal(1, (await Engine.ListAsync("a/", cancellationToken: Ct)).Entries[0].AccessCount);
    }

    [Fact]
    public async Task Dispose_AfterAWrite_FoldsTheLogBackIntoTheDatabase()
    {
        var writer = await OpenAsync(options => options.OneShot = true);
        await writer.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one" }, Ct);
        await writer.DisposeAsync();

        Assert.Equal(0, new FileInfo(DatabasePath + "-wal").Length);
        await using var reopened = await OpenAsync();
        Assert.Equal("one", (await reopened.GetAsync("a/b", Ct))!.Text);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
