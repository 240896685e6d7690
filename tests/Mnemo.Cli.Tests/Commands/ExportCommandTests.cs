namespace Mnemo.Cli.Tests.Commands;

public sealed class ExportCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ExportImport_ThroughFiles_RoundTrip()
    {
        await _cli.RunAsync("store", "a/b", "one", "--tags", "t1");
        await _cli.RunAsync("store", "a/c", "two", "--value", "[1,2,3]");
        var file = _cli.Temp.File("out.jsonl");

        var export = await _cli.RunAsync("export", file, "--json");
        var refused = await _cli.RunAsync("export", file);
        var copy = _cli.Temp.File("copy.db");
        var import = await CliHarness.RunRawAsync("import", file, "--format", "jsonl", "--db", copy, "--json");
        var list = await CliHarness.RunRawAsync("list", "--db", copy, "--json");

        Assert.Equal(2, export.Json().GetProperty("exported").GetInt64());
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(2, import.Json().GetProperty("imported").GetInt64());
        Assert.Equal("[1,2,3]", list.Json().GetProperty("entries")[1].GetProperty("value").GetRawText().Replace(" ", "").Replace("\n", ""));
    }

    [Fact]
    public async Task ExportImport_WithLinks_RoundTripsTheLinksAndCountsThem()
    {
        await _cli.RunAsync("store", "kb/db", "We chose SQLite");
        await _cli.RunAsync("store", "kb/wal", "WAL mode");
        await _cli.RunAsync("link", "kb/db", "kb/wal", "--relation", "uses", "--weight", "0.5");
        var file = _cli.Temp.File("out.jsonl");

        var export = await _cli.RunAsync("export", file, "--json");
        var copy = _cli.Temp.File("copy.db");
        var import = await CliHarness.RunRawAsync("import", file, "--db", copy, "--json");
        var neighbors = await CliHarness.RunRawAsync("neighbors", "kb/db", "--db", copy, "--json");

        Assert.Equal(1, export.Json().GetProperty("links").GetInt64());
        Assert.Equal(2, import.Json().GetProperty("imported").GetInt64());
        Assert.Equal(1, import.Json().GetProperty("links").GetInt64());
        var neighbor = Assert.Single(neighbors.Json().EnumerateArray());
        Assert.Equal("kb/wal", neighbor.GetProperty("key").GetString());
        Assert.Equal("uses", neighbor.GetProperty("relation").GetString());
        Assert.Equal(0.5, neighbor.GetProperty("weight").GetDouble());
    }
}
