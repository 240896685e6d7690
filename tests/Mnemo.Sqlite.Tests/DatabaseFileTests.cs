using Microsoft.Data.Sqlite;
using Mnemo.Core;
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
    [Trait("Issue", "13")]
    public async Task Open_SqliteFileOfAnotherApplication_IsRefusedWithoutChangingIt()
    {
        var path = _temp.File("other.db");
        Execute(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada')");
        var before = await File.ReadAllBytesAsync(path, Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => TestEngines.OpenAsync(path));

        Assert.Equal(MnemoErrorCode.NotAMnemoDatabase, error.ErrorCode);
        Assert.Equal(before, await File.ReadAllBytesAsync(path, Ct));   // still in its rollback journal mode (bytes 18-19)
        Assert.False(File.Exists(path + "-wal"));
    }

    [Theory]
    [Trait("Issue", "13")]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Open_MnemoMarkedFileWithImpossibleSchemaVersion_FailsAsDamaged(int version)
    {
        var path = _temp.File("memory.db");
        await (await TestEngines.OpenAsync(path)).DisposeAsync();
        Execute(path, $"PRAGMA user_version = {version}");

        var error = await Assert.ThrowsAsync<MnemoException>(() => TestEngines.OpenAsync(path));

        Assert.Equal(MnemoErrorCode.Corrupt, error.ErrorCode);
        Assert.Contains($"schema version {version}", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Issue", "13")]
    public async Task Open_MnemoMarkedFileWithoutItsMetadata_FailsAsDamaged()
    {
        var path = _temp.File("memory.db");
        await (await TestEngines.OpenAsync(path)).DisposeAsync();
        Execute(path, "DROP TABLE meta");

        var error = await Assert.ThrowsAsync<MnemoException>(() => TestEngines.OpenAsync(path));

        Assert.Equal(MnemoErrorCode.Corrupt, error.ErrorCode);
        Assert.Contains("marker", error.Message, StringComparison.Ordinal);
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
        Assert.Equal(MnemoErrorCode.StoreReadOnly, error.ErrorCode);
        Assert.True(error.IsCallerError);
        Assert.Contains("chmod", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Issue", "13")]
    public async Task Open_ReadOnlyFile_ReadsAndSearchesLeavingNoFileBehind()
    {
        var path = _temp.File("memory.db");
        await using (var engine = await TestEngines.OpenAsync(path))
        {
            await engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "kept for reading" }, Ct);
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await using (var readOnly = await TestEngines.OpenAsync(path))
        {
            Assert.Equal("kept for reading", (await readOnly.GetAsync("a/b", Ct))!.Text);
            Assert.Equal("a/b", (await readOnly.SearchAsync("reading", cancellationToken: Ct))[0].Entry.Key);
        }

        Assert.Equal(["memory.db"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    [Trait("Issue", "13")]
    public async Task Open_DatabaseInReadOnlyDirectory_ReadsWorkAndWritesFailAsCallerError()
    {
        var directory = _temp.File("shelf");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "memory.db");
        await using (var engine = await TestEngines.OpenAsync(path))
        {
            await engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "on the shelf" }, Ct);
        }

        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        try
        {
            await using var readOnly = await TestEngines.OpenAsync(path);

            Assert.Equal("on the shelf", (await readOnly.GetAsync("a/b", Ct))!.Text);
            var error = await Assert.ThrowsAsync<MnemoException>(() => readOnly.StoreAsync(new MemoryWrite { Key = "a/c", Text = "x" }, Ct));
            Assert.Equal(MnemoErrorCode.StoreReadOnly, error.ErrorCode);
            Assert.Contains($"directory '{directory}'", error.Message, StringComparison.Ordinal);
            Assert.Equal(["memory.db"], Directory.GetFiles(directory).Select(Path.GetFileName));
        }
        finally
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    [Trait("Issue", "13")]
    public async Task Export_DamagedPages_FailsAsDamagedNeverWithSqlitesRawError()
    {
        var pristine = _temp.File("pristine.db");
        await using (var engine = await TestEngines.OpenAsync(pristine))
        {
            var random = new Random(5);
            var writes = Enumerable.Range(0, 300).Select(i => new MemoryWrite
            {
                Key = $"a/k{i:D3}",
                Text = new string(Enumerable.Range(0, 300).Select(_ => (char)('a' + random.Next(26))).ToArray()),
            }).ToList();
            await engine.StoreManyAsync(writes, Ct);
        }

        // Each page in turn overwritten with garbage: the export must finish, or fail with the "damaged" error.
        var bytes = await File.ReadAllBytesAsync(pristine, Ct);
        const int PageBytes = 4096;
        var damagedExports = 0;
        for (var page = 1; page < bytes.Length / PageBytes; page++)
        {
            var path = _temp.File($"damaged-{page}.db");
            var damaged = bytes.ToArray();
            new Random(page).NextBytes(damaged.AsSpan(page * PageBytes, PageBytes));
            await File.WriteAllBytesAsync(path, damaged, Ct);
            try
            {
                await using var engine = await TestEngines.OpenAsync(path);
                await engine.ExportAsync(Stream.Null, Ct);
            }
            catch (MnemoException e) when (e.ErrorCode is MnemoErrorCode.Corrupt)
            {
                Assert.Contains("damaged", e.Message, StringComparison.Ordinal);
                damagedExports++;
            }
        }

        Assert.True(damagedExports > 0, "some damaged page must be found by the export");
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
