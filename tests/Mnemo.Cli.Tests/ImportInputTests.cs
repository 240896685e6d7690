namespace Mnemo.Cli.Tests;

/// <summary>What comes in through the CLI: bad numbers, control characters, directories, long lines, import identity (issue 13).</summary>
[Trait("Issue", "13")]
public sealed class ImportInputTests : IDisposable
{
    private readonly CliHarness _cli = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("0,5")]
    [InlineData("1,000")]
    public async Task Store_ImportanceWithAComma_IsRefusedNotMisread(string importance)
    {
        var result = await _cli.RunAsync("store", "a/b", "x", "--importance", importance);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("comma", result.Error, StringComparison.Ordinal);
        Assert.Contains("0.5", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.RunAsync("status", "--json")).Json().GetProperty("live_entries").GetInt64());
    }

    [Fact]
    public async Task Store_ImportanceWithADecimalPoint_IsRead()
    {
        var result = await _cli.RunAsync("store", "a/b", "x", "--importance", "0.25", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0.25, result.Json().GetProperty("importance").GetDouble());
    }

    [Fact]
    public async Task Store_KeyWithControlCharacters_IsRefusedWithTheCharactersEscapedOnOneLine()
    {
        var result = await _cli.RunAsync("store", "a/b\nINJECTED\tline\u0007", "x");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("'a/b\\nINJECTED\\tline\\u0007'", line, StringComparison.Ordinal);
        Assert.Contains("'\\n' at position 3", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Directory_ExitsOneSayingItIsADirectory()
    {
        var directory = _cli.Temp.File("exports");
        Directory.CreateDirectory(directory);

        var result = await _cli.RunAsync("import", directory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is a directory", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnpairedSurrogateEscape_ExitsOneNamingTheLine()
    {
        var file = _cli.Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, ["""{"key":"a/1","text":"fine"}""", """{"key":"a/2","text":"x","value":{"a":"\ud800"}}"""], Ct);

        var result = await _cli.RunAsync("import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
        Assert.Contains("not valid Unicode", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_ValueWithAnUnpairedSurrogateEscape_ExitsOneAndJsonOutputsKeepWorking()
    {
        await _cli.RunAsync("store", "a/good", "fine");

        var store = await _cli.RunAsync("store", "a/bad", "x", "--value", """{"a":"\ud800"}""");
        var list = await _cli.RunAsync("list", "--json");
        var export = await _cli.RunAsync("export", _cli.Temp.File("out.jsonl"));

        Assert.Equal(1, store.ExitCode);
        Assert.Contains("value is not valid Unicode", store.Error, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        Assert.Equal(0, export.ExitCode);
    }

    [Fact]
    public async Task Import_LineOverTheLimitOption_ExitsOneNamingLineAndOption()
    {
        var file = _cli.Temp.File("in.jsonl");
        await File.WriteAllTextAsync(file, """{"key":"a/1","text":"fine"}""" + "\n" + new string('x', 10_000), Ct);

        var result = await _cli.RunAsync("import", file, "--max-line-bytes", "4KB");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
        Assert.Contains("4,096 bytes", result.Error, StringComparison.Ordinal);
        Assert.Contains("--max-line-bytes", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.RunAsync("status", "--json")).Json().GetProperty("live_entries").GetInt64());
    }

    [Fact]
    public async Task Import_AsAnAgentWithoutTheRight_IsDeniedWhateverTheLineNames_AndHistoryShowsTheImporter()
    {
        Assert.Equal(0, (await _cli.RunAsync("--agent", "coordinator", "acl", "grant", "coordinator", "", "admin")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("--agent", "coordinator", "acl", "grant", "b", "b/", "write")).ExitCode);
        await _cli.RunAsync("--agent", "coordinator", "store", "a/secret", "original");
        var attack = _cli.Temp.File("attack.jsonl");
        await File.WriteAllLinesAsync(attack, ["""{"key":"a/secret","text":"overwritten","agent":"coordinator"}"""], Ct);
        var own = _cli.Temp.File("own.jsonl");
        await File.WriteAllLinesAsync(own, ["""{"key":"b/note","text":"mine","agent":"coordinator"}"""], Ct);

        var denied = await _cli.RunAsync("--agent", "b", "import", attack);
        var allowed = await _cli.RunAsync("--agent", "b", "import", own);
        var history = await _cli.RunAsync("--agent", "b", "history", "b/note", "--json");

        Assert.Equal(1, denied.ExitCode);
        Assert.Contains("agent 'b'", denied.Error, StringComparison.Ordinal);
        Assert.Equal("original", (await _cli.RunAsync("--agent", "coordinator", "get", "a/secret", "--json")).Json().GetProperty("text").GetString());
        Assert.Equal(0, allowed.ExitCode);
        var step = Assert.Single(history.Json().EnumerateArray());
        Assert.Equal("b", step.GetProperty("agent").GetString());
        Assert.Equal("b", step.GetProperty("imported_by").GetString());
    }

    [Fact]
    public async Task Import_StoppedByAQuotaPartWay_ExitsOneSayingWhatWasWritten()
    {
        var file = _cli.Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 3).Select(i => $$"""{"key":"q/{{i}}","text":"{{new string('q', 400)}}"}"""), Ct);

        var result = await CliHarness.RunProcessAsync("mnemo.dll", ["--db", _cli.Database, "--agent", "ann", "import", file, "--batch-size", "1"],
            new Dictionary<string, string?> { ["MNEMO_AGENT_QUOTA"] = "1000" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("2 entries (the entry lines up to line 2) were written in 2 transactions", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing of the interrupted change", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
