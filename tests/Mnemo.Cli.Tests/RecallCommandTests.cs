using System.Text.Json;

namespace Mnemo.Cli.Tests;

/// <summary>The recall commands as a script would use them: link, unlink, neighbors, search --expand, store --on-duplicate, reindex.</summary>
public sealed class RecallCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task StoreAsync(string key, string text) => Assert.Equal(0, (await _cli.RunAsync("store", key, text)).ExitCode);

    [Fact]
    public async Task LinkNeighborsAndExpand_WorkTogether()
    {
        await StoreAsync("kb/db", "We chose SQLite for the embedded store");
        await StoreAsync("kb/wal", "WAL mode lets readers run beside one writer");

        var linked = await _cli.RunAsync("link", "kb/db", "kb/wal", "--relation", "uses", "--weight", "0.5", "--json");
        var neighbors = await _cli.RunAsync("neighbors", "kb/db", "--depth", "2", "--json");
        var expanded = await _cli.RunAsync("search", "sqlite embedded", "--limit", "1", "--expand", "1", "--json");

        Assert.True(linked.Json().GetProperty("created").GetBoolean());
        var neighbor = Assert.Single(neighbors.Json().EnumerateArray());
        Assert.Equal("kb/wal", neighbor.GetProperty("key").GetString());
        Assert.Equal("uses", neighbor.GetProperty("relation").GetString());
        Assert.Equal("out", neighbor.GetProperty("direction").GetString());
        var keys = expanded.Json().EnumerateArray().Select(hit => hit.GetProperty("key").GetString()).ToList();
        Assert.Equal(["kb/db", "kb/wal"], keys);
        Assert.Equal("kb/db", expanded.Json()[1].GetProperty("linked_from").GetString());
    }

    [Fact]
    public async Task Link_ToAMissingKey_ExitsOneNamingIt()
    {
        await StoreAsync("kb/db", "We chose SQLite");

        var result = await _cli.RunAsync("link", "kb/db", "kb/missing");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("kb/missing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unlink_WithoutALink_ExitsOne()
    {
        await StoreAsync("kb/a", "one");
        await StoreAsync("kb/b", "two");

        var result = await _cli.RunAsync("unlink", "kb/a", "kb/b");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no link", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_OnDuplicateSkip_ReportsTheExistingEntryAndWritesNothing()
    {
        await StoreAsync("facts/1", "The user's dog is called Rex");

        var result = await _cli.RunAsync("store", "facts/2", "the user's dog is called Rex!", "--on-duplicate", "skip", "--json");
        var missing = await _cli.RunAsync("get", "facts/2");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("skipped", result.Json().GetProperty("action").GetString());
        Assert.Equal("facts/1", result.Json().GetProperty("duplicate").GetProperty("key").GetString());
        Assert.Equal(1, missing.ExitCode);
    }

    [Fact]
    public async Task Reindex_ReportsTheNewModelAndSearchStillFinds()
    {
        await StoreAsync("notes/1", "the quarterly roadmap review");

        var result = await _cli.RunAsync("reindex", "--embedder", "builtin:64", "--json");
        var search = await _cli.RunAsync("search", "roadmap", "--mode", "vector", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.Equal("builtin:64", json.GetProperty("embedder").GetString());
        Assert.Equal(64, json.GetProperty("dimensions").GetInt32());
        Assert.Equal(1, json.GetProperty("vectors").GetInt32());
        Assert.Equal("notes/1", search.Json()[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task Reindex_UnknownEmbedder_ExitsOneListingTheForms()
    {
        var result = await _cli.RunAsync("reindex", "--embedder", "word2vec");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("builtin", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FiltersByAgentAndTimeRange()
    {
        Assert.Equal(0, (await _cli.RunAsync("store", "n/a", "release checklist", "--agent", "alice")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("store", "n/b", "release checklist", "--agent", "bob")).ExitCode);

        var byBob = await _cli.RunAsync("search", "release checklist", "--by-agent", "bob", "--json");
        var future = await _cli.RunAsync("search", "release checklist", "--since", "2999-01-01T00:00:00Z", "--json");
        var upToNow = await _cli.RunAsync("search", "release checklist", "--until", "2999-01-01T00:00:00Z", "--json");

        Assert.Equal(["n/b"], byBob.Json().EnumerateArray().Select(hit => hit.GetProperty("key").GetString()));
        Assert.Equal(0, future.Json().GetArrayLength());
        Assert.Equal(2, upToNow.Json().GetArrayLength());
    }

    [Fact]
    public async Task Import_IndexesForSearchAndReportsTimes()
    {
        var file = _cli.Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(0, 30).Select(i => JsonSerializer.Serialize(new { key = $"conv/1/t{i}", text = $"turn {i} about topic {i % 3}" })),
            TestContext.Current.CancellationToken);

        var imported = await _cli.RunAsync("import", file, "--json");
        var hits = await _cli.RunAsync("search", "turn 7 topic", "--namespace", "conv/1/", "--json");

        Assert.Equal(30, imported.Json().GetProperty("imported").GetInt32());
        Assert.True(imported.Json().GetProperty("index_seconds").GetDouble() >= 0);
        Assert.Equal("conv/1/t7", hits.Json()[0].GetProperty("key").GetString());
    }
}
