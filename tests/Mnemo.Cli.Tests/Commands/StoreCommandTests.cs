using System.Text.Json;

namespace Mnemo.Cli.Tests.Commands;

public sealed class StoreCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Store_ThenGetJson_ReturnsEveryField()
    {
        var stored = await _cli.RunAsync("store", "project/decisions/db", "We chose SQLite", "--value", """{"choice":"sqlite"}""",
            "--kind", "decision", "--tags", "db, architecture", "--metadata", """{"source":"chat"}""", "--importance", "0.8",
            "--ttl", "2h", "--agent", "planner");
        var got = await _cli.RunAsync("get", "project/decisions/db", "--json");

        Assert.Equal(0, stored.ExitCode);
        Assert.Equal(0, got.ExitCode);
        var json = got.Json();
        Assert.Equal("We chose SQLite", json.GetProperty("text").GetString());
        Assert.Equal("sqlite", json.GetProperty("value").GetProperty("choice").GetString());
        Assert.Equal("decision", json.GetProperty("kind").GetString());
        Assert.Equal(["db", "architecture"], json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("chat", json.GetProperty("metadata").GetProperty("source").GetString());
        Assert.Equal(0.8, json.GetProperty("importance").GetDouble());
        Assert.Equal("planner", json.GetProperty("agent").GetString());
        Assert.Equal(1, json.GetProperty("version").GetInt64());
        Assert.Equal(JsonValueKind.String, json.GetProperty("expires_at").ValueKind);
    }

    [Fact]
    public async Task Store_StaleExpectVersion_ExitsOneAndKeepsTheEntry()
    {
        await _cli.RunAsync("store", "a/b", "one");
        await _cli.RunAsync("store", "a/b", "two");

        var result = await _cli.RunAsync("store", "a/b", "stale", "--expect-version", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("conflict", result.Error, StringComparison.Ordinal);
        Assert.Equal("two", (await _cli.RunAsync("get", "a/b", "--json")).Json().GetProperty("text").GetString());
    }

    [Fact]
    public async Task Store_TooLargeForTheLimit_ExitsOne()
    {
        var result = await _cli.RunAsync("store", "a/b", new string('x', 2_000_000));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("limit", result.Error, StringComparison.Ordinal);
    }
}
