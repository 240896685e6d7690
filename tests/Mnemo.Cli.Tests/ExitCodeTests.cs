namespace Mnemo.Cli.Tests;

public sealed class ExitCodeTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("store", "bad key", "x")]
    [InlineData("store", "a/b", "x", "--value", "{oops")]
    [InlineData("store", "a/b", "x", "--metadata", "[1]")]
    [InlineData("store", "a/b", "x", "--ttl", "soon")]
    [InlineData("store", "a/b", "x", "--importance", "3")]
    [InlineData("store", "a/b", "x", "--no-such-option")]
    [InlineData("list", "--limit", "0")]
    [InlineData("clean", "--unused-for", "forever")]
    [InlineData("import", "missing-file.jsonl")]
    [InlineData("get", "a/b", "--as-of", "yesterday-ish")]
    public async Task BadInput_ExitsOneWithOneLineAndWritesNothing(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("mnemo: ", result.Error, StringComparison.Ordinal);
        var status = await _cli.RunAsync("status", "--json");
        Assert.Equal(0, status.Json().GetProperty("live_entries").GetInt64());
    }

    [Fact]
    public async Task Database_InMissingDirectory_ExitsOneNamingIt()
    {
        var result = await CliHarness.RunRawAsync("status", "--db", _cli.Temp.File("nope/memory.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_NotSqlite_ExitsOne()
    {
        var path = _cli.Temp.File("text.db");
        await File.WriteAllTextAsync(path, "hello, I am a text file", TestContext.Current.CancellationToken);

        var result = await CliHarness.RunRawAsync("list", "--db", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not a SQLite database", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_Damaged_ExitsTwo()
    {
        for (var i = 0; i < 50; i++)
        {
            await _cli.RunAsync("store", $"a/{i}", new string('x', 400));
        }

        var bytes = await File.ReadAllBytesAsync(_cli.Database, TestContext.Current.CancellationToken);
        new Random(5).NextBytes(bytes.AsSpan(100));
        await File.WriteAllBytesAsync(_cli.Database, bytes, TestContext.Current.CancellationToken);

        var result = await _cli.RunAsync("list");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("damaged", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_NewerSchema_ExitsOneAskingForAnUpgrade()
    {
        await _cli.RunAsync("store", "a/b", "one");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_cli.Database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 42";
            command.ExecuteNonQuery();
        }

        var result = await _cli.RunAsync("get", "a/b");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("upgrade mnemo", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Issue", "13")]
    public async Task Database_ReadOnlyFile_ReadsWorkWritesExitOne()
    {
        await _cli.RunAsync("store", "a/b", "one");
        File.SetUnixFileMode(_cli.Database, UnixFileMode.UserRead);

        var read = await _cli.RunAsync("get", "a/b");
        var write = await _cli.RunAsync("store", "a/c", "two");

        Assert.Equal(0, read.ExitCode);
        Assert.Equal(1, write.ExitCode);   // the caller asked to write what they may only read
        Assert.Contains("read-only", write.Error, StringComparison.Ordinal);
    }
}
