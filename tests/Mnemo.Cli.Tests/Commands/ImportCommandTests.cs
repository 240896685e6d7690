namespace Mnemo.Cli.Tests.Commands;

public sealed class ImportCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Import_LinkToUnknownKey_ExitsOneNamingTheKeyAndLine()
    {
        var file = _cli.Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file,
            ["""{"key":"a/1","text":"fine"}""", """{"link":{"from":"a/1","to":"a/404"}}"""], TestContext.Current.CancellationToken);

        var result = await _cli.RunAsync("import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
        Assert.Contains("'a/404'", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.RunAsync("status", "--json")).Json().GetProperty("live_entries").GetInt64());
    }

    [Fact]
    public async Task Import_BadLine_ExitsOneWithLineNumber()
    {
        var file = _cli.Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, ["""{"key":"a/1","text":"fine"}""", """{"key":"a/2"}"""], TestContext.Current.CancellationToken);

        var result = await _cli.RunAsync("import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.RunAsync("status", "--json")).Json().GetProperty("live_entries").GetInt64());
    }

    [Fact]
    public async Task Import_UnknownFormat_ExitsOne()
    {
        var result = await _cli.RunAsync("import", "x.csv", "--format", "csv");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    [Trait("Issue", "15")]
    public async Task Import_WithProgress_ReportsIndexingWithItsRateAndTimeLeft()
    {
        var file = _cli.Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(0, 2500).Select(i => $$"""{"key":"a/{{i}}","text":"entry {{i}}"}"""),
            TestContext.Current.CancellationToken);
        var error = new StringWriter();

        var code = await MnemoCli.RunAsync(["import", file, "--progress", "--db", _cli.Database], new StringWriter(), error,
            name => name == "MNEMO_EMBEDDER" ? "builtin-hashing" : null, TimeProvider.System, TestContext.Current.CancellationToken);

        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, code);
        Assert.Contains("imported 2500/2500", lines);
        Assert.Matches(@"^indexed (\d+)/\1 \(100%\), [\d,]+/s, about \d+ s left$", lines[^1]);
    }

    [Fact]
    [Trait("Issue", "15")]
    public async Task Import_Json_ReportsNoProgress()
    {
        var file = _cli.Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, ["""{"key":"a/1","text":"one"}"""], TestContext.Current.CancellationToken);
        var error = new StringWriter();

        var code = await MnemoCli.RunAsync(["import", file, "--json", "--db", _cli.Database], new StringWriter(), error,
            name => name == "MNEMO_EMBEDDER" ? "builtin-hashing" : null, TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        Assert.Equal("", error.ToString());
    }
}
