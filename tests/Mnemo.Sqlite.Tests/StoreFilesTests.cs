using Mnemo.Core;
using Mnemo.Core.Storage;
using Mnemo.TestSupport;

namespace Mnemo.Sqlite.Tests;

/// <summary>Status says where the bytes are: every file of the store, the vector indexes beside it included, with sizes.</summary>
[Trait("Issue", "15")]
public sealed class StoreFilesTests : EngineTestBase
{
    [Fact]
    public async Task Status_ListsTheDatabaseItsLogAndEachIndexFile_WithTheirSizes()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one" }, Ct);
        var index = DatabasePath + ".some-model.0f88cca3.hnsw";
        await File.WriteAllBytesAsync(index, new byte[10], Ct);
        await File.WriteAllBytesAsync(DatabasePath + ".notes.txt", new byte[7], Ct);

        var status = (await Engine.GetStatusAsync(Ct)).Store;

        var files = status.Files.ToDictionary(file => file.Path);
        Assert.Equal(new StoreFile(DatabasePath, StoreFileKind.Database, new FileInfo(DatabasePath).Length), files[DatabasePath]);
        Assert.Equal(StoreFileKind.WriteAheadLog, files[DatabasePath + "-wal"].Kind);
        Assert.Equal(new FileInfo(DatabasePath + "-wal").Length, files[DatabasePath + "-wal"].Bytes);
        Assert.Equal(StoreFileKind.SharedMemory, files[DatabasePath + "-shm"].Kind);
        Assert.Equal(new StoreFile(index, StoreFileKind.VectorIndex, 10), files[index]);
        Assert.DoesNotContain(DatabasePath + ".notes.txt", files.Keys);
        Assert.Equal(status.Files.Sum(file => file.Bytes), status.FileBytes);
    }
}
