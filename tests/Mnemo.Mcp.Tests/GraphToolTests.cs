using System.Text.Json;

namespace Mnemo.Mcp.Tests;

public sealed class GraphToolTests : McpTestBase
{
    private const string AliceAndAcme = """
        {"entities": [
            {"name": "Alice", "entityType": "person", "observations": ["works at Acme", "likes tea"]},
            {"name": "Acme", "entityType": "company", "observations": []}]}
        """;

    [Fact]
    public async Task CreateEntities_ReturnsOnlyTheNewOnes()
    {
        await CallOkAsync("create_entities", AliceAndAcme);

        var again = await CallOkAsync("create_entities", """
            {"entities": [{"name": "Alice", "entityType": "person", "observations": []}, {"name": "Bob", "entityType": "person", "observations": []}]}
            """);

        Assert.Equal(["Bob"], again.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task CreateRelations_SkipsExistingOnes_AndReadGraphShowsThem()
    {
        await CallOkAsync("create_entities", AliceAndAcme);
        const string worksAt = """{"relations": [{"from": "Alice", "to": "Acme", "relationType": "works_at"}]}""";

        Assert.Equal(1, (await CallOkAsync("create_relations", worksAt)).GetProperty("relations").GetArrayLength());
        Assert.Equal(0, (await CallOkAsync("create_relations", worksAt)).GetProperty("relations").GetArrayLength());

        var graph = await CallOkAsync("read_graph");
        Assert.Equal(["Alice", "Acme"], graph.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        var relation = Assert.Single(graph.GetProperty("relations").EnumerateArray());
        Assert.Equal("works_at", relation.GetProperty("relationType").GetString());
    }

    [Fact]
    public async Task AddObservations_AddsOnlyNewOnes()
    {
        await CallOkAsync("create_entities", AliceAndAcme);

        var result = await CallOkAsync("add_observations", """{"observations": [{"entityName": "Alice", "contents": ["likes tea", "plays chess"]}]}""");

        var added = Assert.Single(result.GetProperty("results").EnumerateArray());
        Assert.Equal(["plays chess"], Strings(added, "addedObservations"));
        var alice = (await CallOkAsync("open_nodes", """{"names": ["Alice"]}""")).GetProperty("entities")[0];
        Assert.Equal(["works at Acme", "likes tea", "plays chess"], Strings(alice, "observations"));
    }

    [Fact]
    public async Task AddObservations_UnknownEntity_IsAToolErrorAndAddsNothing()
    {
        await CallOkAsync("create_entities", AliceAndAcme);

        var message = await CallErrorAsync("add_observations", """
            {"observations": [{"entityName": "Alice", "contents": ["new"]}, {"entityName": "Bob", "contents": ["x"]}]}
            """);

        Assert.StartsWith("Entity with name Bob not found", message, StringComparison.Ordinal);
        var alice = (await CallOkAsync("open_nodes", """{"names": ["Alice"]}""")).GetProperty("entities")[0];
        Assert.DoesNotContain("new", Strings(alice, "observations"));
    }

    [Fact]
    public async Task DeleteEntities_RemovesTheirRelations()
    {
        await CallOkAsync("create_entities", AliceAndAcme);
        await CallOkAsync("create_relations", """{"relations": [{"from": "Alice", "to": "Acme", "relationType": "works_at"}]}""");

        var deleted = await CallOkAsync("delete_entities", """{"entityNames": ["Acme"]}""");

        Assert.True(deleted.GetProperty("success").GetBoolean());
        var graph = await CallOkAsync("read_graph");
        Assert.Equal(["Alice"], graph.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(0, graph.GetProperty("relations").GetArrayLength());
    }

    [Fact]
    public async Task DeleteObservationsAndRelations_RemoveJustThose()
    {
        await CallOkAsync("create_entities", AliceAndAcme);
        await CallOkAsync("create_relations", """
            {"relations": [{"from": "Alice", "to": "Acme", "relationType": "works_at"}, {"from": "Acme", "to": "Alice", "relationType": "employs"}]}
            """);

        await CallOkAsync("delete_observations", """{"deletions": [{"entityName": "Alice", "observations": ["likes tea"]}, {"entityName": "Nobody", "observations": ["x"]}]}""");
        await CallOkAsync("delete_relations", """{"relations": [{"from": "Acme", "to": "Alice", "relationType": "employs"}]}""");

        var graph = await CallOkAsync("read_graph");
        Assert.Equal(["works at Acme"], Strings(graph.GetProperty("entities")[0], "observations"));
        Assert.Equal("works_at", Assert.Single(graph.GetProperty("relations").EnumerateArray()).GetProperty("relationType").GetString());
    }

    [Fact]
    public async Task SearchNodes_MatchesSubstringsIgnoringCase_WithTouchingRelations()
    {
        await CallOkAsync("create_entities", AliceAndAcme);
        await CallOkAsync("create_relations", """{"relations": [{"from": "Alice", "to": "Acme", "relationType": "works_at"}]}""");

        var found = await CallOkAsync("search_nodes", """{"query": "TEA"}""");

        Assert.Equal(["Alice"], found.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(1, found.GetProperty("relations").GetArrayLength());
    }

    [Fact]
    public async Task SearchNodes_WordsNotFoundAsWritten_FallBackToRankedSearch()
    {
        await CallOkAsync("create_entities", AliceAndAcme);

        var found = await CallOkAsync("search_nodes", """{"query": "who drinks tea at work"}""");

        Assert.Equal("Alice", found.GetProperty("entities")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task ReadGraph_WithLimit_PagesEntitiesAndSaysWhereTheNextPageStarts()
    {
        var entities = string.Join(',', Enumerable.Range(0, 25).Select(i => $$"""{"name": "e{{i:D2}}", "entityType": "thing", "observations": []}"""));
        await CallOkAsync("create_entities", $$"""{"entities": [{{entities}}]}""");

        var first = await CallOkAsync("read_graph", """{"limit": 10}""");
        var last = await CallOkAsync("read_graph", """{"offset": 20, "limit": 10}""");

        Assert.Equal(10, first.GetProperty("entities").GetArrayLength());
        Assert.Equal(25, first.GetProperty("total").GetInt32());
        Assert.Equal(10, first.GetProperty("nextOffset").GetInt32());
        Assert.Equal(5, last.GetProperty("entities").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("nextOffset").ValueKind);
    }

    [Fact]
    public async Task Entities_AreSearchableVersionedEntriesOfTheStore()
    {
        await CallOkAsync("create_entities", AliceAndAcme);
        await CallOkAsync("add_observations", """{"observations": [{"entityName": "Alice", "contents": ["plays chess"]}]}""");

        var entry = await Engine.GetAsync("graph/entities/Alice", Ct);
        var history = await Engine.GetHistoryAsync("graph/entities/Alice", Ct);

        Assert.NotNull(entry);
        Assert.Equal("entity", entry.Kind);
        Assert.Contains("plays chess", entry.Text, StringComparison.Ordinal);
        Assert.Equal(2, history.Count);
    }

    [Theory]
    [InlineData("create_entities", "{}", "argument 'entities' is missing")]
    [InlineData("create_entities", """{"entities": [{"name": "A"}]}""", "entities[0]: argument 'entityType'")]
    [InlineData("create_relations", """{"relations": "Alice"}""", "argument 'relations' is missing or not an array")]
    [InlineData("open_nodes", """{"names": [1]}""", "argument 'names' is [1]")]
    public async Task GraphTools_BadArguments_AreToolErrorsThatSayWhatToSend(string tool, string arguments, string expected)
    {
        var message = await CallErrorAsync(tool, arguments);

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }
}
