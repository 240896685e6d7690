namespace Mnemo.Cli.Tests.Commands;

public sealed class StatusCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task StatusJson_SaysWhichDatabaseAndItsSizes()
    {
        await _cli.RunAsync("store", "a/b", new string('r', 4000));

        var status = (await _cli.RunAsync("status", "--json")).Json();

        Assert.Equal(_cli.Database, status.GetProperty("database").GetString());
        Assert.Equal(1, status.GetProperty("live_entries").GetInt64());
        Assert.Equal(1, status.GetProperty("compressed_contents").GetInt64());
        Assert.True(status.GetProperty("database_bytes").GetInt64() > 0);
    }

    [Fact]
    [Trait("Issue", "15")]
    public async Task Status_ListsEveryFileOfTheStoreWithItsSize_AndTheTotal()
    {
        Assert.Equal(0, (await RunHashingAsync("store", "a/b", "the first entry")).ExitCode);
        Assert.Equal(0, (await RunHashingAsync("search", "first")).ExitCode);
        var index = Assert.Single(Directory.GetFiles(_cli.Temp.Path, "*.hnsw"));

        var json = (await RunHashingAsync("status", "--json")).Json();
        var text = (await RunHashingAsync("status")).Output;

        var files = json.GetProperty("files").EnumerateArray()
            .ToDictionary(file => file.GetProperty("path").GetString()!, file => (Kind: file.GetProperty("kind").GetString(), Bytes: file.GetProperty("bytes").GetInt64()));
        Assert.Equal(("database", new FileInfo(_cli.Database).Length), files[_cli.Database]);
        Assert.Equal(("vector_index", new FileInfo(index).Length), files[index]);
        Assert.Equal(files.Values.Sum(file => file.Bytes), json.GetProperty("file_bytes").GetInt64());
        Assert.Contains($"in {files.Count} files", text, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(index), text, StringComparison.Ordinal);
        Assert.Contains("vector index", text, StringComparison.Ordinal);
    }

    /// <summary>Runs a command in-process with the hashing embedder, which needs no model.</summary>
    private async Task<CliResult> RunHashingAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await MnemoCli.RunAsync([.. args, "--db", _cli.Database], output, error, name => name == "MNEMO_EMBEDDER" ? "builtin-hashing" : null,
            TimeProvider.System, TestContext.Current.CancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
