using Microsoft.Data.Sqlite;
using Mnemo.Core;
using Mnemo.TestSupport;

namespace Mnemo.Sqlite.Tests;

/// <summary>Schema 5 adds versions.imported_by; a schema 4 file migrates with its history and quota usage intact (issue 13, item 1).</summary>
[Trait("Issue", "13")]
public sealed class ImportedByMigrationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Open_Version4File_GainsImportedByAndKeepsHistoryAndUsage()
    {
        var path = _temp.File("memory.db");
        await using (var engine = await TestEngines.OpenAsync(path, configure: o => o.Agent = "ann"))
        {
            await engine.StoreAsync(new MemoryWrite { Key = "a/1", Text = new string('a', 300) }, Ct);
        }

        // What a schema 4 file looks like: no imported_by column.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE versions DROP COLUMN imported_by; PRAGMA user_version = 4";
            command.ExecuteNonQuery();
        }

        await using var migrated = await TestEngines.OpenAsync(path, configure: o => o.Agent = "bob");
        var before = (await migrated.GetQuotaUsageAsync(Ct)).ToDictionary(u => u.Name, u => u.Bytes);
        await migrated.StoreAsync(new MemoryWrite { Key = "a/1", Text = "short" }, Ct);
        var after = (await migrated.GetQuotaUsageAsync(Ct)).ToDictionary(u => u.Name, u => u.Bytes);
        var history = await migrated.GetHistoryAsync("a/1", Ct);

        Assert.True(before["ann"] >= 300);
        Assert.False(after.ContainsKey("ann"));
        Assert.Equal(["ann", "bob"], history.Select(v => v.Agent));
        Assert.All(history, v => Assert.Null(v.ImportedBy));
        Assert.True((await migrated.CheckAsync(Ct)).IsHealthy);
    }
}
