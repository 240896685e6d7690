namespace Mnemo.Cli.Tests;

/// <summary>Search as a user meets it: the neural default, context indexing, honest scores and the embedder a store keeps.</summary>
public sealed class SearchCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Search_ByDefault_FindsAFactByMeaning_AndRecordsTheLocalModel()
    {
        await _cli.RunAsync("store", "team/infra/db", "We run PostgreSQL 16 in production for the orders service");
        await _cli.RunAsync("store", "team/infra/cat", "My cat sleeps on the keyboard all afternoon");

        var result = await _cli.RunAsync("search", "which SQL engine do we use in prod", "--json");
        var reindexed = await _cli.RunAsync("reindex", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("team/infra/db", result.Json()[0].GetProperty("key").GetString());
        Assert.Equal("arctic-xs", reindexed.Json().GetProperty("embedder").GetString());
        Assert.Equal("snowflake-arctic-embed-xs", reindexed.Json().GetProperty("model").GetString());
    }

    [Fact]
    public async Task Search_UnrelatedQuestion_ScoresLow_AndMinScoreLeavesItOut()
    {
        await _cli.RunAsync("store", "notes/db", "We run PostgreSQL 16 in production");

        var unrelated = await _cli.RunAsync("search", "best hiking trails near the coast", "--json");
        var filtered = await _cli.RunAsync("search", "best hiking trails near the coast", "--min-score", "0.3", "--json");
        var bad = await _cli.RunAsync("search", "x", "--min-score", "2");

        Assert.All(unrelated.Json().EnumerateArray(), hit => Assert.True(hit.GetProperty("score").GetDouble() < 0.3));
        Assert.Equal(0, filtered.Json().GetArrayLength());
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--min-score 2 is not a score", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexContext_SetListUnset_ChangesWhatTheSpeakerFinds()
    {
        var file = _cli.Temp.File("chat.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"key":"chat/1/t1","text":"I've been researching adoption agencies","metadata":{"speaker":"Caroline","date":"2023-05-08"}}""",
            """{"key":"chat/1/t2","text":"I signed up for a pottery class","metadata":{"speaker":"Melanie","date":"2023-05-08"}}""",
        ], TestContext.Current.CancellationToken);
        await _cli.RunAsync("import", file);

        var withContext = await _cli.RunAsync("search", "Caroline", "--mode", "text", "--json");
        var set = await _cli.RunAsync("index-context", "set", "chat/", "none", "--json");
        var withoutContext = await _cli.RunAsync("search", "Caroline", "--mode", "text", "--json");
        var unset = await _cli.RunAsync("index-context", "unset", "chat/");
        var list = await _cli.RunAsync("index-context", "list", "--json");
        var badField = await _cli.RunAsync("index-context", "set", "chat/", "speaker");

        Assert.Equal("chat/1/t1", Assert.Single(withContext.Json().EnumerateArray()).GetProperty("key").GetString());
        Assert.Contains(set.Json().EnumerateArray(), rule => rule.GetProperty("prefix").GetString() == "chat/" && rule.GetProperty("fields").GetString() == "none");
        Assert.Equal(0, withoutContext.Json().GetArrayLength());
        Assert.Equal(0, unset.ExitCode);
        Assert.Equal("who,when,title", Assert.Single(list.Json().EnumerateArray()).GetProperty("fields").GetString());
        Assert.Equal(1, badField.ExitCode);
        Assert.Contains("'speaker' is not a context field", badField.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithAnotherEmbedderThanTheStores_IsRefusedWithTheFix_UntilReindexed()
    {
        await _cli.RunAsync("store", "notes/a", "the quarterly roadmap review");
        await _cli.RunAsync("search", "roadmap");
        var other = new Dictionary<string, string?> { ["MNEMO_EMBEDDER"] = "builtin-hashing" };

        var refused = await CliHarness.RunProcessAsync("mnemo.dll", ["search", "roadmap", "--db", _cli.Database], other);
        var moved = await CliHarness.RunProcessAsync("mnemo.dll", ["reindex", "--embedder", "builtin-hashing", "--db", _cli.Database], other);
        var after = await CliHarness.RunProcessAsync("mnemo.dll", ["search", "roadmap", "--json", "--db", _cli.Database], other);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("this store's vectors are of the embedder arctic-xs, not builtin:384", refused.Error, StringComparison.Ordinal);
        Assert.Contains("mnemo reindex --embedder builtin:384", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, moved.ExitCode);
        Assert.Equal(0, after.ExitCode);
        Assert.Equal("notes/a", after.Json()[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task BenchEmbed_Json_ReportsMeasuredFiguresPerThreadCount()
    {
        var result = await CliHarness.RunRawAsync("bench", "embed", "--model", "minilm", "--threads", "1", "--texts", "8", "--queries", "3", "--json");

        Assert.Equal(0, result.ExitCode);
        var run = Assert.Single(result.Json().GetProperty("runs").EnumerateArray());
        Assert.Equal(1, run.GetProperty("threads").GetInt32());
        Assert.True(run.GetProperty("load_ms").GetDouble() > 0);
        Assert.True(run.GetProperty("texts_per_sec").GetDouble() > 0);
        Assert.True(run.GetProperty("query_p50_ms").GetDouble() > 0);
    }
}
