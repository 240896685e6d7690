using Mnemo.TestSupport;

namespace Mnemo.Cli.Tests.Storage;

/// <summary>Databases a user may read but not write, as that user sees them (issue 13, item 9).</summary>
[Trait("Issue", "13")]
public sealed class ReadOnlyDatabaseTests : IDisposable
{
    private const UnixFileMode Everyone = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private const UnixFileMode ReadOnlyForAll = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ReadOnlyDatabase_ReadByAnotherUser_LeavesNoFileAndTheOwnerKeepsWorking()
    {
        OtherUsers.RequireRootAndSetpriv();
        var directory = SharedDirectory();
        var database = Path.Combine(directory, "memory.db");
        Assert.Equal(0, (await OtherUsers.RunAsAsync(OtherUsers.Owner, "--db", database, "store", "notes/a", "written by the owner")).ExitCode);
        File.SetUnixFileMode(database, ReadOnlyForAll);

        var read = await OtherUsers.RunAsAsync(OtherUsers.Reader, "--db", database, "get", "notes/a");
        var searched = await OtherUsers.RunAsAsync(OtherUsers.Reader, "--db", database, "search", "owner");

        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Contains("written by the owner", read.Output, StringComparison.Ordinal);
        Assert.True(searched.ExitCode == 0, searched.ToString());
        Assert.Equal(["memory.db"], Directory.GetFiles(directory).Select(Path.GetFileName));

        // The owner makes the file writable again and goes on: nothing the reader did stands in the way.
        Assert.Equal(0, (await OtherUsers.RunAsAsync(OtherUsers.Owner, "--db", database, "get", "notes/a")).ExitCode);
        File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var stored = await OtherUsers.RunAsAsync(OtherUsers.Owner, "--db", database, "store", "notes/b", "and more");
        Assert.True(stored.ExitCode == 0, stored.ToString());
    }

    [Fact]
    public async Task DatabaseInADirectoryTheUserMayNotWrite_ReadsWorkAndWritesExitOne()
    {
        OtherUsers.RequireRootAndSetpriv();
        var directory = SharedDirectory();
        var database = Path.Combine(directory, "memory.db");
        Assert.Equal(0, (await OtherUsers.RunAsAsync(OtherUsers.Owner, "--db", database, "store", "notes/a", "kept here")).ExitCode);

        // The file stays writable for everyone; only the directory, where SQLite would create its log, is closed.
        File.SetUnixFileMode(database, Everyone & ~(UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute));
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var read = await OtherUsers.RunAsAsync(OtherUsers.Reader, "--db", database, "get", "notes/a");
        var write = await OtherUsers.RunAsAsync(OtherUsers.Reader, "--db", database, "store", "notes/b", "x");

        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Contains("kept here", read.Output, StringComparison.Ordinal);
        Assert.Equal(1, write.ExitCode);
        Assert.Contains("read-only", write.Error, StringComparison.Ordinal);
        Assert.Contains($"directory '{directory}'", write.Error, StringComparison.Ordinal);
        Assert.Equal(["memory.db"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    /// <summary>A directory every user may write, as a shared project folder would be.</summary>
    private string SharedDirectory()
    {
        var directory = _temp.File("shared");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, Everyone);
        return directory;
    }
}
