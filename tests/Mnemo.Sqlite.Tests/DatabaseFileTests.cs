using Microsoft.Data.Sqlite;
using Mnemo.Core.Entries;
using Mnemo.Core.Errors;
using Mnemo.TestSupport;

namespace Mnemo.Sqlite.Tests;

public sealed class DatabaseFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Open_MissingDirectory_FailsNamingTheDirectory()
    {
        var path = _temp.File("missing/memory.db");

        var error = await Assert.ThrowsAsync<MnemoException>(() => TestEngines.OpenAsync(path));

        Assert.Equal(MnemoErrorCode.DirectoryNotFound, error.ErrorCode);
        Assert.Contains(Path.GetDirectoryName(path)!, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public async Task Open_FileThatIsNotSqlite_FailsAndLeavesItAlone()
    {
        var path = _temp.File("notes.txt");
        await File.WriteAllTextAsync(path, "my shopping list, not a database", Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => TestEngines.OpenAsync(path));

        Assert.Equal(MnemoErrorCode.NotAMnemoDatabase, error.ErrorCode);
        Assert.Equal("my shopping list, not a database", await File.ReadAllTextAsync(path, Ct));
    }

    [Fact]
    public async Task Open_SqliteFileOfAnotherApplication_IsRefused()
    {
        var path = _temp.File("other.db");
        Execute(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");

        var error = await Assert.ThrowsAsync<MnemoException>(() => TestEngines.OpenAsync(path));

        Assert.Equal(MnemoErrorCode.NotAMnemoDatabase, error.ErrorCode);
        Assert.Contains("another application", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_NewerSchemaVersion_IsRefusedWithUpgradeAdvice()
    {
        var path = _temp.File("memory.db");
        await (await TestEngines.OpenAsync(path)).DisposeAsync();
        Execute(path, "PRAGMA user_version = 99");

        var error = await Assert.ThrowsAsync<MnemoException>(() => TestEngines.OpenAsync(path));

        Assert.Equal(MnemoErrorCode.SchemaTooNew, error.ErrorCode);
        Assert.Contains("upgrade", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsCallerError);
    }

    [Fact]
    public async Task Open_Version1File_IsMigratedKeepingItsEntries()
    {
        var path = _temp.File("memory.db");
        await using (var engine = await TestEngines.OpenAsync(path))
        {
            await engine.StoreAsync(new MemoryWrite { Key = "a/1", Text = "kept across the migration" }, Ct);
            await engine.StoreAsync(new MemoryWrite { Key = "a/2", Text = "linked after it" }, Ct);
        }

        // What a version 1 file looks like: no links, no embedding cache, no coordination tables.
        Execute(path, """
            DROP TABLE links; DROP TABLE embeddings;
            ALTER TABLE versions DROP COLUMN imported_by; ALTER TABLE versions DROP COLUMN session; DROP TABLE events; DROP TABLE acl; DROP TABLE locks; DROP TABLE policies;
            DROP TABLE siblings; DROP TABLE usage;
            PRAGMA user_version = 1
            """);

        await using var migrated = await TestEngines.OpenAsync(path);
        await migrated.LinkAsync("a/1", "a/2", cancellationToken: Ct);

        Assert.Equal("kept across the migration", (await migrated.GetAsync("a/1", Ct))!.Text);
        Assert.Single(await migrated.GetNeighborsAsync("a/1", cancellationToken: Ct));
    }

    [Fact]
    public async Task Open_DamagedFile_FailsAsCorrupt()
    {
        var path = _temp.File("memory.db");
        await using (var engine = await TestEngines.OpenAsync(path))
        {
            for (var i = 0; i < 200; i++)
            {
                await engine.StoreAsync(new MemoryWrite { Key = $"a/{i}", Text = new string('x', 500) }, Ct);
            }
        }

        // Overwrite everything after the 100-byte header, including the schema page.
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        new Random(7).NextBytes(bytes.AsSpan(100));
        await File.WriteAllBytesAsync(path, bytes, Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(async () =>
        {
            await using var engine = await TestEngines.OpenAsync(path);
            await engine.ListAsync(cancellationToken: Ct);
        });

        Assert.Equal(MnemoErrorCode.Corrupt, error.ErrorCode);
    }

    [Fact]
    public async Task Open_DamagedDataPages_CheckReportsTheDamage()
    {
        var path = _temp.File("memory.db");
        await using (var engine = await TestEngines.OpenAsync(path))
        {
            for (var i = 0; i < 500; i++)
            {
                await engine.StoreAsync(new MemoryWrite { Key = $"a/{i:D4}", Text = new string('x', 300) }, Ct);
            }
        }

        var bytes = await File.ReadAllBytesAsync(path, Ct);
        new Random(11).NextBytes(bytes.AsSpan(bytes.Length / 2, 4096));
        await File.WriteAllBytesAsync(path, bytes, Ct);

        var failed = false;
        try
        {
            await using var engine = await TestEngines.OpenAsync(path);
            failed = !(await engine.CheckAsync(Ct)).IsHealthy;
        }
        catch (MnemoException e) when (e.ErrorCode is MnemoErrorCode.Corrupt or MnemoErrorCode.NotAMnemoDatabase)
        {
            failed = true;
        }

        Assert.True(failed, "a database with a page of random bytes must not pass as healthy");
    }

    [Fact]
    public async Task Open_ReadOnlyFile_ReadsWorkAndWritesFailWithAdvice()
    {
        var path = _temp.File("memory.db");
        await using (var engine = await TestEngines.OpenAsync(path))
        {
            await engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "kept" }, Ct);
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        await using var readOnly = await TestEngines.OpenAsync(path);

        Assert.Equal("kept", (await readOnly.GetAsync("a/b", Ct))!.Text);
        var error = await Assert.ThrowsAsync<MnemoException>(() => readOnly.StoreAsync(new MemoryWrite { Key = "a/c", Text = "x" }, Ct));
        Assert.Equal(MnemoErrorCode.ReadOnly, error.ErrorCode);
        Assert.Contains("chmod", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ReadOnlyFileOfAnOlderSchema_IsRefusedWithAdviceInsteadOfMisread()
    {
        var path = _temp.File("memory.db");
        await (await TestEngines.OpenAsync(path)).DisposeAsync();
        Execute(path, "PRAGMA user_version = 3");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);

        var error = await Assert.ThrowsAsync<MnemoException>(() => TestEngines.OpenAsync(path));

        Assert.Equal(MnemoErrorCode.ReadOnly, error.ErrorCode);
        Assert.Contains("schema version 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("chmod u+w", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_DefaultHomeLocation_CreatesItsDirectory()
    {
        var home = _temp.File("home/.mnemo");
        var options = new Mnemo.Core.MnemoOptions().UseSqlite();
        options.StoreFactory = (configured, _) =>
            new ValueTask<Mnemo.Core.Storage.IMemoryStore>(SqliteMemoryStore.Open(Path.Combine(home, "memory.db"), configured, createDirectory: true));

        await using var engine = await Mnemo.Core.MnemoEngine.OpenAsync(options, Ct);

        Assert.True(File.Exists(Path.Combine(home, "memory.db")));
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
