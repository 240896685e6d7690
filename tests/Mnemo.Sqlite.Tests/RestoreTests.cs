using Microsoft.Data.Sqlite;
using Mnemo.Core;
using Mnemo.TestSupport;

namespace Mnemo.Sqlite.Tests;

/// <summary>Restores and backups against what derived files and damaged backups could make of them (issue 13, items 7 and 8).</summary>
[Trait("Issue", "13")]
public sealed class RestoreTests : EngineTestBase
{
    private const string BoatQuery = "sailing boats moored in the harbour";

    [Theory]
    [InlineData("CAST(substr(payload, 1, length(payload) - 4) || '9999' AS BLOB)", "hash does not match")]
    [InlineData("substr(payload, 1, length(payload) - 4) || '9999'", "not stored as bytes")]
    public async Task Restore_BackupWithATamperedPayload_IsRefusedNamingItAndChangesNothing(string tampered, string problem)
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/x", Text = "the payment goes to account 1234" }, Ct);
        var backup = Temp.File("backup.db");
        await Engine.BackupAsync(backup, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "a/x", Text = "current text" }, Ct);

        // The page structure stays sound (SQLite's quick_check passes); only the content is no longer what was written.
        ExecuteOn(backup, $"UPDATE versions SET payload = {tampered} WHERE key = 'a/x'");

        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.RestoreAsync(backup, Ct));

        Assert.Equal(MnemoErrorCode.Corrupt, error.ErrorCode);
        Assert.Contains($"backup '{backup}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal("current text", (await Engine.GetAsync("a/x", Ct))!.Text);
        Assert.True((await Engine.CheckAsync(Ct)).IsHealthy);
    }

    [Fact]
    public async Task Restore_ThenVectorSearchInTheSameEngine_UsesVectorsOfTheRestoredEntries()
    {
        var backup = await BackupOfAnotherStoreAsync();
        await StoreKitchenEntriesAndSearchAsync(Engine);

        await Engine.RestoreAsync(backup, Ct);
        var similarities = await BoatSimilaritiesAsync(Engine);

        Assert.Equal(await FreshSimilaritiesAsync(), similarities);
    }

    [Fact]
    public async Task Restore_ThenVectorSearchInAnotherProcess_RebuildsTheIndexFile()
    {
        var backup = await BackupOfAnotherStoreAsync();
        await StoreKitchenEntriesAndSearchAsync(Engine);
        await Engine.RestoreAsync(backup, Ct);
        await Engine.DisposeAsync();

        Dictionary<string, double> similarities;
        await using (var next = await OpenAsync())
        {
            similarities = await BoatSimilaritiesAsync(next);
        }

        Assert.Equal(await FreshSimilaritiesAsync(), similarities);
    }

    [Fact]
    public async Task BackupCopiedOverTheDatabaseByHand_IsNotSearchedWithTheReplacedIndex()
    {
        var backup = await BackupOfAnotherStoreAsync();
        await StoreKitchenEntriesAndSearchAsync(Engine);
        await Engine.DisposeAsync();

        File.Copy(backup, DatabasePath, overwrite: true);
        Dictionary<string, double> similarities;
        await using (var next = await OpenAsync())
        {
            similarities = await BoatSimilaritiesAsync(next);
        }

        Assert.Equal(await FreshSimilaritiesAsync(), similarities);
    }

    /// <summary>A backup of another store, whose entries have the same sequence numbers as the live store's first ones.</summary>
    private async Task<string> BackupOfAnotherStoreAsync()
    {
        var backup = Temp.File("boats-backup.db");
        await using var other = await TestEngines.OpenAsync(Temp.File("boats.db"), Clock);
        await other.StoreAsync(new MemoryWrite { Key = "boat/1", Text = BoatQuery }, Ct);
        await other.StoreAsync(new MemoryWrite { Key = "boat/2", Text = "the ferry crosses the bay at dawn" }, Ct);
        await other.BackupAsync(backup, Ct);
        return backup;
    }

    /// <summary>Fills the live store with other texts and builds (and saves) its vector index.</summary>
    private static async Task StoreKitchenEntriesAndSearchAsync(MnemoEngine engine)
    {
        await engine.StoreAsync(new MemoryWrite { Key = "kitchen/1", Text = "bread recipe with flour and yeast" }, Ct);
        await engine.StoreAsync(new MemoryWrite { Key = "kitchen/2", Text = "slow cooked tomato soup" }, Ct);
        await engine.StoreAsync(new MemoryWrite { Key = "kitchen/3", Text = "lemon cake with icing" }, Ct);
        await engine.SearchAsync("bread", cancellationToken: Ct);
    }

    /// <summary>The vector similarity of every entry found for the boat query.</summary>
    private static async Task<Dictionary<string, double>> BoatSimilaritiesAsync(MnemoEngine engine)
    {
        var hits = await engine.SearchAsync(BoatQuery, new SearchFilter { Mode = SearchMode.Vector, Limit = 10 }, Ct);
        return hits.ToDictionary(hit => hit.Entry.Key, hit => Math.Round(hit.Explanation!.VectorSimilarity ?? 0, 6));
    }

    /// <summary>The same, from an index built anew from the database alone (the truth the search must agree with).</summary>
    private async Task<Dictionary<string, double>> FreshSimilaritiesAsync()
    {
        await Engine.DisposeAsync();
        foreach (var index in Directory.GetFiles(Temp.Path, "memory.db.*hnsw"))
        {
            File.Delete(index);
        }

        await using var fresh = await OpenAsync();
        var similarities = await BoatSimilaritiesAsync(fresh);
        Assert.Contains("boat/1", similarities.Keys);
        return similarities;
    }

    private static void ExecuteOn(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
