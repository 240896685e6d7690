using Microsoft.Data.Sqlite;
using Mnemo.Core;
using Mnemo.Sqlite.Internal;
using Mnemo.TestSupport;

namespace Mnemo.Sqlite.Tests;

/// <summary>Schema 6 adds the metrics history; a schema 5 file migrates with its data intact and can then be sampled.</summary>
[Trait("Issue", "17")]
public sealed class MetricSamplesMigrationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Open_Version5File_GainsMetricSamplesAndKeepsEntries()
    {
        var path = _temp.File("memory.db");
        await using (var engine = await TestEngines.OpenAsync(path))
        {
            await engine.StoreAsync(new MemoryWrite { Key = "a/1", Text = "kept" }, Ct);
        }

        // What a schema 5 file looks like: no metric_samples table.
        Execute(path, "DROP TABLE metric_samples; PRAGMA user_version = 5");

        await using var migrated = await TestEngines.OpenAsync(path);
        var sample = await migrated.SampleAsync(Ct);

        Assert.Equal("kept", (await migrated.GetAsync("a/1", Ct))!.Text);
        Assert.Equal(SqliteSchema.CurrentVersion, (await migrated.GetStatusAsync(Ct)).Store.SchemaVersion);
        Assert.Equal(sample, Assert.Single(await migrated.GetMetricSamplesAsync(DateTimeOffset.UnixEpoch, cancellationToken: Ct)));
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
