using System.Diagnostics;

namespace Mnemo.Cli.Tests.Storage;

/// <summary>Files export and backup write, where they must not (issue 13, items 4 and 12).</summary>
[Trait("Issue", "13")]
public sealed class OutputFileTests : IDisposable
{
    private readonly CliHarness _cli = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("-wal")]
    [InlineData("-shm")]
    [InlineData("-journal")]
    public async Task Export_ForcedOntoAFileOfTheDatabase_ExitsOneAndTheStoreSurvives(string suffix)
    {
        await _cli.RunAsync("store", "a/b", "precious");

        var result = await _cli.RunAsync("export", _cli.Database + suffix, "--force");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("file of the open database", result.Error, StringComparison.Ordinal);
        Assert.Contains("precious", (await _cli.RunAsync("get", "a/b")).Output, StringComparison.Ordinal);
        Assert.True((await _cli.RunAsync("check", "--json")).Json().GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Export_ForcedOntoTheVectorIndexFile_ExitsOneAndKeepsIt()
    {
        await _cli.RunAsync("store", "a/b", "precious");
        await _cli.RunAsync("reindex", "--embedder", "builtin:64");
        var index = Directory.GetFiles(_cli.Temp.Path, "memory.db.*.hnsw").Single();
        var before = await File.ReadAllBytesAsync(index, Ct);

        var result = await _cli.RunAsync("export", index, "--force");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(before, await File.ReadAllBytesAsync(index, Ct));
    }

    [Fact]
    public async Task Export_ForcedThroughASymbolicLinkToTheDatabase_ExitsOne()
    {
        await _cli.RunAsync("store", "a/b", "precious");
        var link = _cli.Temp.File("innocent.jsonl");
        File.CreateSymbolicLink(link, _cli.Database);

        var result = await _cli.RunAsync("export", link, "--force");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("precious", (await _cli.RunAsync("get", "a/b")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ForcedOntoANamedPipe_ExitsOneAndLeavesThePipe()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/mkfifo"), "needs mkfifo");
        await _cli.RunAsync("store", "a/b", "precious");
        var pipe = _cli.Temp.File("pipe");
        using (var mkfifo = Process.Start("/usr/bin/mkfifo", [pipe]))
        {
            await mkfifo.WaitForExitAsync(Ct);
        }

        var result = await _cli.RunAsync("export", pipe, "--force");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not a regular file", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(pipe).Length);
        Assert.Empty(Directory.GetFiles(_cli.Temp.Path, "*.tmp"));
    }

    [Fact]
    public async Task Export_IntoADirectory_ExitsOneNamingIt()
    {
        await _cli.RunAsync("store", "a/b", "precious");
        var directory = _cli.Temp.File("exports");
        Directory.CreateDirectory(directory);

        var result = await _cli.RunAsync("export", directory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"'{directory}': it is a directory", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public async Task Backup_OntoTheNameOfTheDatabasesJournal_ExitsOne()
    {
        await _cli.RunAsync("store", "a/b", "precious");

        var result = await _cli.RunAsync("backup", _cli.Database + "-journal");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("precious", (await _cli.RunAsync("get", "a/b")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_OntoAFullDisk_NamesTheBackupFileAndLeavesNothingBehind()
    {
        Assert.SkipUnless(Environment.UserName == "root" && File.Exists("/usr/bin/unshare"), "needs root and unshare to mount a tiny file system");

        // About 400 KB of text that does not compress away, imported with the hashing embedder (fast to index).
        var random = new Random(3);
        var lines = Enumerable.Range(0, 20).Select(i =>
            $"{{\"key\":\"big/{i}\",\"text\":\"{new string(Enumerable.Range(0, 20_000).Select(_ => (char)('a' + random.Next(26))).ToArray())}\"}}");
        var input = _cli.Temp.File("big.jsonl");
        await File.WriteAllLinesAsync(input, lines, Ct);
        var hashing = new Dictionary<string, string> { ["MNEMO_EMBEDDER"] = "builtin-hashing" };
        var imported = await ProgramRunner.RunAsync("dotnet", [ProgramRunner.Mnemo, "--db", _cli.Database, "import", input], hashing);
        Assert.True(imported.ExitCode == 0, imported.ToString());

        // A 64 KiB file system, mounted in a mount namespace of its own, so it disappears with the process; what is left
        // in it after mnemo exits is listed on standard output.
        var full = _cli.Temp.File("full");
        Directory.CreateDirectory(full);
        var target = Path.Combine(full, "backup.db");
        var result = await ProgramRunner.RunAsync("/usr/bin/unshare",
            ["--mount", "--propagation", "private", "sh", "-c",
             "mount -t tmpfs -o size=64k tmpfs \"$0\" || exit 99; dotnet \"$1\" --db \"$2\" backup \"$3\"; code=$?; ls -A \"$0\"; exit $code",
             full, ProgramRunner.Mnemo, _cli.Database, target],
            hashing);
        Assert.SkipWhen(result.ExitCode == 99, "this machine does not let a test mount a file system");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"backup file '{target}'", result.Error, StringComparison.Ordinal);
        Assert.Contains("disk full", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output.Trim());
    }
}
