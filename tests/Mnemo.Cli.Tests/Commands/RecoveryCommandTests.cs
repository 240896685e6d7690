namespace Mnemo.Cli.Tests.Commands;

[Trait("Issue", "18")]
public sealed class RecoveryCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ErrorRecordThenRecover_Json_ReturnsTheFixesWithCountsAndRates()
    {
        await _cli.RunAsync("error", "record", "timeout after 30 s reading /data/a.csv", "--fix", "raise the timeout", "--tool", "loader");
        await _cli.RunAsync("error", "record", "timeout after 45 s reading /data/b.csv", "--fix", "raise the timeout", "--worked", "false");
        await _cli.RunAsync("error", "record", "timeout after 12 s reading /srv/c.csv", "--fix", "clear the cache", "--context", """{"service":"etl"}""");

        var result = await _cli.RunAsync("recover", "Timeout after 99 s reading /tmp/x.csv", "--json");

        Assert.Equal(0, result.ExitCode);
        var advice = result.Json();
        Assert.Equal("signature", advice.GetProperty("match").GetString());
        Assert.Equal(3, advice.GetProperty("occurrences").GetInt32());
        var fixes = advice.GetProperty("fixes").EnumerateArray()
            .Select(f => (f.GetProperty("normalized").GetString(), f.GetProperty("worked").GetInt32(), f.GetProperty("tried").GetInt32())).ToList();
        Assert.Equal([("clear the cache", 1, 1), ("raise the timeout", 1, 2)], fixes);
    }

    [Fact]
    public async Task Recover_Human_ShowsTheClusterAndAFixTable()
    {
        await _cli.RunAsync("error", "record", "connection refused: localhost:5432", "--fix", "start the postgres container");

        var result = await _cli.RunAsync("recover", "connection refused: localhost:6543");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("the same error (signature) was recorded once; 1 fix was tried", result.Output, StringComparison.Ordinal);
        Assert.Contains("connection refused: localhost:<num>", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"0\.67\s+0\.22\.\.0\.97\s+1/1\s+\S+\s+start the postgres container", result.Output);
    }

    [Fact]
    public async Task Recover_NothingRecorded_ExitsZeroSayingSo()
    {
        var result = await RunHashingAsync("recover", "segmentation fault (core dumped)");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("no similar error was recorded" + Environment.NewLine, result.Output);
    }

    [Fact]
    public async Task Suggest_Json_RanksTheToolOfTheSuccessfulSimilarTaskFirst()
    {
        await using (var engine = await Mnemo.TestSupport.TestEngines.OpenAsync(_cli.Database))
        {
            await engine.RecordOutcomeAsync(new Core.Learning.OutcomeRecord
            {
                TaskType = "etl",
                Strategy = "parallel",
                Success = true,
                Description = "Import the nightly sales CSV files",
                Tools = ["csv-loader"],
            }, TestContext.Current.CancellationToken);
            await engine.RecordOutcomeAsync(new Core.Learning.OutcomeRecord
            {
                TaskType = "etl",
                Strategy = "serial",
                Success = false,
                Description = "Import the weekly sales CSV files",
                Tools = ["excel-reader"],
            }, TestContext.Current.CancellationToken);
        }

        var result = await RunHashingAsync("suggest", "--task", "import the sales CSV files", "--json");
        var human = await RunHashingAsync("suggest", "--task", "import the sales CSV files");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("csv-loader", result.Json().GetProperty("tools")[0].GetProperty("name").GetString());
        Assert.StartsWith("2 similar tasks were recorded, 1 succeeded", human.Output, StringComparison.Ordinal);
        Assert.Matches(@"tool\s+\d\.\d\d\s+1/1\s+csv-loader", human.Output);
    }

    [Theory]
    [InlineData(new[] { "error", "record", " " }, "the message is empty")]
    [InlineData(new[] { "error", "record", "x", "--context", "[1]" }, "the context must be a JSON object")]
    [InlineData(new[] { "error", "record", "x", "--context", "{oops" }, "--context is not valid JSON")]
    [InlineData(new[] { "error", "record", "x", "--worked", "maybe" }, "'maybe' not recognized")]
    [InlineData(new[] { "error", "record", "x", "--worked", "false" }, "whether the fix worked was given without a fix")]
    [InlineData(new[] { "recover", "x", "--top", "0" }, "top 0 is out of range")]
    [InlineData(new[] { "suggest" }, "--task")]
    public async Task BadInput_ExitsOneWithAClearMessageAndWritesNothing(string[] args, string expected)
    {
        var result = await _cli.RunAsync(args);
        var listed = await _cli.RunAsync("list", "learning/", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal(0, listed.Json().GetProperty("entries").GetArrayLength());
    }

    // Searches on the built-in embedder: the tests need no neural model, and the scores are the ones the Core tests check.
    private async Task<CliResult> RunHashingAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await MnemoCli.RunAsync([.. args, "--db", _cli.Database], output, error,
            name => name == "MNEMO_EMBEDDER" ? "builtin-hashing" : null, TimeProvider.System, TestContext.Current.CancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
