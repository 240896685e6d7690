namespace Mnemo.Cli.Tests.Commands;

[Trait("Issue", "16")]
public sealed class StateCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task StateSaveGetHistory_Json_ShowsVersionsNewestFirst()
    {
        Assert.Equal(0, (await _cli.RunAsync("state", "save", "s1", """{"phase":"planning"}""")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("state", "save", "s1", """{"phase":"executing"}""")).ExitCode);

        var current = (await _cli.RunAsync("state", "get", "s1", "--json")).Json();
        var history = (await _cli.RunAsync("state", "history", "s1", "--json")).Json();

        Assert.Equal(2, current.GetProperty("version").GetInt64());
        Assert.Equal("executing", current.GetProperty("document").GetProperty("phase").GetString());
        Assert.Equal([2L, 1L], history.EnumerateArray().Select(state => state.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task StateSave_InvalidTransition_ExitsOneWithReason()
    {
        await _cli.RunAsync("state", "define", "s1", "--transitions", "planning>executing,executing>reviewing");
        await _cli.RunAsync("state", "save", "s1", """{"phase":"planning"}""");

        var result = await _cli.RunAsync("state", "save", "s1", """{"phase":"reviewing"}""");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot go from planning to reviewing; allowed: executing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateSave_BreaksSchemaFromFile_ExitsOneAndWritesNothing()
    {
        var schema = _cli.Temp.File("schema.json");
        await File.WriteAllTextAsync(schema, """{"type":"object","required":["phase"]}""", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await _cli.RunAsync("state", "define", "s1", "--schema", schema)).ExitCode);

        var result = await _cli.RunAsync("state", "save", "s1", """{"step":1}""");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("phase", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await _cli.RunAsync("state", "get", "s1")).ExitCode);
    }

    [Fact]
    public async Task StateSave_StaleExpectVersion_ExitsOne()
    {
        await _cli.RunAsync("state", "save", "s1", """{"phase":"planning"}""");
        await _cli.RunAsync("state", "save", "s1", """{"phase":"executing"}""");

        var result = await _cli.RunAsync("state", "save", "s1", """{"phase":"done"}""", "--expect-version", "1");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task StateSave_NotJson_ExitsOne()
    {
        var result = await _cli.RunAsync("state", "save", "s1", "{phase:");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task StateRestore_AfterBadWrite_RestoresLastValidVersion()
    {
        await _cli.RunAsync("state", "save", "s1", """{"phase":"planning","step":1}""");
        await _cli.RunAsync("state", "save", "s1", """{"phase":"planning","step":"oops"}""");
        await _cli.RunAsync("state", "define", "s1", "--schema", """{"properties":{"step":{"type":"integer"}}}""");

        var restore = (await _cli.RunAsync("state", "restore", "s1", "--json")).Json();
        var current = (await _cli.RunAsync("state", "get", "s1", "--json")).Json();

        Assert.Equal(1, restore.GetProperty("restored_version").GetInt64());
        Assert.Equal(2, restore.GetProperty("replaced_version").GetInt64());
        Assert.Equal(3, current.GetProperty("version").GetInt64());
        Assert.Equal(1, current.GetProperty("document").GetProperty("step").GetInt32());
    }

    [Fact]
    public async Task StateGet_Unknown_ExitsOne()
    {
        var result = await _cli.RunAsync("state", "get", "nobody");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nobody", result.Error, StringComparison.Ordinal);
    }
}
