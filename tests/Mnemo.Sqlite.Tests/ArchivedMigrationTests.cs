using Microsoft.Data.Sqlite;
using Mnemo.Core;
using Mnemo.Core.Monitoring.Optimization;
using Mnemo.Sqlite.Internal;
using Mnemo.TestSupport;

namespace Mnemo.Sqlite.Tests;

/// <summary>Schema 8 adds the list of archived versions; a schema 7 file migrates with its data intact and can then be archived.</summary>
[Trait("Issue", "17")]
public sealed class ArchivedMigrationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Open_Version7File_GainsArchivedAndKeepsEntries()
    {
        var path = _temp.File("memory.db");
        await using (var engine = await TestEngines.OpenAsync(path))
        {
            await engine.StoreAsync(new MemoryWrite { Key = "a/1", Text = "kept " + string.Join(' ', Enumerable.Repeat("word", 100)) }, Ct);
        }

        // What a schema 7 file looks like: no archived table, no trigger for it.
        Execute(path, "DROP TRIGGER versions_delete_archived; DROP TABLE archived; PRAGMA user_version = 7");

        await using var migrated = await TestEngines.OpenAsync(path);
        var report = await migrated.OptimizeAsync(
            new OptimizationRequest { Strategies = [OptimizationStrategy.ArchiveCold], ColdAfter = TimeSpan.FromTicks(1) }, Ct);

        Assert.Equal(SqliteSchema.CurrentVersion, (await migrated.GetStatusAsync(Ct)).Store.SchemaVersion);
        Assert.True(SqliteSchema.CurrentVersion >= 8);
        Assert.Equal(1, Assert.Single(report.Results).Figures.Single(figure => figure.Name == "archived_entries").After);
        Assert.StartsWith("kept", (await migrated.GetAsync("a/1", Ct))!.Text, StringComparison.Ordinal);
        Assert.True((await migrated.CheckAsync(Ct)).IsHealthy);
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
