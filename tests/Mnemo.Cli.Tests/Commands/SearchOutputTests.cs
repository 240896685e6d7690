namespace Mnemo.Cli.Tests.Commands;

public sealed class SearchOutputTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task SearchJson_ImportedConversation_ReturnsTheNamespacesBestMatchFirst()
    {
        var file = _cli.Temp.File("conv.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"key":"conv/1/turn-1","text":"I adopted a cat named Miso last week","metadata":{"speaker":"user"}}""",
            """{"key":"conv/1/turn-2","text":"My sister lives in Porto"}""",
            """{"key":"conv/2/turn-1","text":"The cat food brand we like is sold out"}""",
        ], TestContext.Current.CancellationToken);
        await _cli.RunAsync("import", file, "--format", "jsonl");

        var result = await _cli.RunAsync("search", "what is the name of my cat?", "--namespace", "conv/1/", "--json");

        Assert.Equal(0, result.ExitCode);
        var hits = result.Json().EnumerateArray().ToList();
        Assert.Equal("conv/1/turn-1", hits[0].GetProperty("key").GetString());
        Assert.InRange(hits[0].GetProperty("score").GetDouble(), 0.6, 1.0);
        Assert.Equal("user", hits[0].GetProperty("metadata").GetProperty("speaker").GetString());
        Assert.All(hits, hit => Assert.StartsWith("conv/1/", hit.GetProperty("key").GetString(), StringComparison.Ordinal));
        Assert.All(hits, hit => Assert.True(hit.TryGetProperty("updated_at", out _)));
    }

    [Fact]
    public async Task SearchExplain_AddsEachSignalsPart()
    {
        await _cli.RunAsync("store", "a/b", "database backup schedule");

        var result = await _cli.RunAsync("search", "database backup", "--explain", "--json");

        var explain = result.Json()[0].GetProperty("explain");
        Assert.Equal(1, explain.GetProperty("rank").GetInt32());
        Assert.True(explain.GetProperty("text").GetProperty("bm25").GetDouble() > 0);
        Assert.InRange(explain.GetProperty("text").GetProperty("normalized").GetDouble(), 0.8, 1.0);
        Assert.True(explain.GetProperty("vector").GetProperty("cosine").GetDouble() > 0.7);
        Assert.InRange(explain.GetProperty("vector").GetProperty("normalized").GetDouble(), 0.8, 1.0);
        Assert.Equal(result.Json()[0].GetProperty("score").GetDouble(), explain.GetProperty("text").GetProperty("part").GetDouble()
            + explain.GetProperty("vector").GetProperty("part").GetDouble() + explain.GetProperty("recency").GetDouble()
            + explain.GetProperty("importance").GetDouble() + explain.GetProperty("use").GetDouble(), 4);
    }

    [Fact]
    public async Task Search_NothingMatches_PrintsAnEmptyArray()
    {
        await _cli.RunAsync("store", "a/b", "hello");

        var result = await _cli.RunAsync("search", "\"unbalanced (( NEAR", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, result.Json().GetArrayLength());
    }
}
