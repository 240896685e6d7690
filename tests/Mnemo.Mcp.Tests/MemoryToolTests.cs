using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Mnemo.Mcp.Tests;

public sealed class MemoryToolTests : McpTestBase
{
    [Fact]
    public async Task ListTools_EveryToolAndParameterHasADescription()
    {
        var tools = await Client.ListToolsAsync(cancellationToken: Ct);

        Assert.Equal(48, tools.Count);
        foreach (var tool in tools)
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), tool.Name);
            if (tool.JsonSchema.TryGetProperty("properties", out var properties))
            {
                foreach (var parameter in properties.EnumerateObject())
                {
                    Assert.True(parameter.Value.TryGetProperty("description", out _) || parameter.Value.TryGetProperty("items", out _),
                        $"{tool.Name}.{parameter.Name} has no description");
                }
            }
        }
    }

    [Fact]
    public async Task StoreThenRetrieve_ReturnsTheEntry()
    {
        var stored = await CallOkAsync("memory_store", """
            {"key": "project-x/decisions/db", "text": "We chose PostgreSQL for orders", "kind": "decision", "tags": ["db"], "metadata": {"by": "team"}}
            """);

        Assert.Equal("written", stored.GetProperty("action").GetString());
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
        var entry = await CallOkAsync("memory_retrieve", """{"key": "project-x/decisions/db"}""");
        Assert.Equal("We chose PostgreSQL for orders", entry.GetProperty("text").GetString());
        Assert.Equal("decision", entry.GetProperty("kind").GetString());
        Assert.Equal("team", entry.GetProperty("metadata").GetProperty("by").GetString());
    }

    [Fact]
    public async Task Retrieve_AsOf_ReturnsTheVersionOfThatTime()
    {
        await CallOkAsync("memory_store", """{"key": "notes/plan", "text": "first plan"}""");
        var firstAt = (await CallOkAsync("memory_retrieve", """{"key": "notes/plan"}""")).GetProperty("updated_at").GetString();
        await CallOkAsync("memory_store", """{"key": "notes/plan", "text": "second plan"}""");

        var then = await CallOkAsync("memory_retrieve", $$"""{"key": "notes/plan", "as_of": "{{firstAt}}"}""");

        Assert.Equal("first plan", then.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Store_StaleExpectedVersion_IsAToolErrorAndChangesNothing()
    {
        await CallOkAsync("memory_store", """{"key": "notes/a", "text": "one"}""");
        await CallOkAsync("memory_store", """{"key": "notes/a", "text": "two"}""");

        await CallErrorAsync("memory_store", """{"key": "notes/a", "text": "three", "expected_version": 1}""");

        Assert.Equal("two", (await CallOkAsync("memory_retrieve", """{"key": "notes/a"}""")).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Store_FromAnOutdatedBaseVersion_IsSettledByTheMergePolicyAndReportsIt()
    {
        await Engine.SetConflictPolicyAsync("notes/", Core.Coordination.ConflictPolicy.Merge, Ct);
        await CallOkAsync("memory_store", """{"key": "notes/a", "text": "plan", "tags": ["x"]}""");
        await CallOkAsync("memory_store", """{"key": "notes/a", "text": "plan", "tags": ["y"]}""");

        var stored = await CallOkAsync("memory_store", """{"key": "notes/a", "text": "plan", "tags": ["z"], "base_version": 1}""");

        Assert.Equal("merged", stored.GetProperty("conflict").GetProperty("resolution").GetString());
        Assert.Equal(["y", "z"], Strings(await CallOkAsync("memory_retrieve", """{"key": "notes/a"}"""), "tags").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Store_KeptAsSibling_IsNamedAsCoreNamesItForEveryFace()
    {
        await Engine.SetConflictPolicyAsync("notes/", Core.Coordination.ConflictPolicy.Manual, Ct);
        await CallOkAsync("memory_store", """{"key": "notes/a", "text": "plan"}""");
        await CallOkAsync("memory_store", """{"key": "notes/a", "text": "plan, revised"}""");

        var stored = await CallOkAsync("memory_store", """{"key": "notes/a", "text": "my plan", "base_version": 1}""");

        Assert.Equal("kept as sibling", stored.GetProperty("conflict").GetProperty("resolution").GetString());
        Assert.Equal("written", stored.GetProperty("action").GetString());
    }

    [Fact]
    public async Task Tools_UnderAccessRulesThatDenyTheServersAgent_AreToolErrorsNamingTheRight()
    {
        await CallOkAsync("memory_store", """{"key": "notes/a", "text": "written while the store was open"}""");
        await using (var admin = await Mnemo.TestSupport.TestEngines.OpenAsync(DatabasePath, configure: o => o.Agent = "boss"))
        {
            await admin.GrantAsync("boss", "", Core.Coordination.AccessRight.Admin, Ct);
        }

        var store = await CallErrorAsync("memory_store", """{"key": "notes/b", "text": "denied"}""");
        var retrieve = await CallErrorAsync("memory_retrieve", """{"key": "notes/a"}""");

        Assert.Contains("access denied", store, StringComparison.Ordinal);
        Assert.Contains("write", store, StringComparison.Ordinal);
        Assert.Contains("read", retrieve, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsByMeaningfulWords_OnlyInTheNamespace()
    {
        await CallOkAsync("memory_store", """{"key": "a/decisions/db", "text": "We chose PostgreSQL for the orders database"}""");
        await CallOkAsync("memory_store", """{"key": "b/decisions/db", "text": "We chose SQLite for the orders database"}""");
        await CallOkAsync("memory_store", """{"key": "a/notes/lunch", "text": "Lunch is at noon"}""");

        var found = await CallOkAsync("memory_search", """{"query": "which database did we choose?", "namespace": "a/"}""");

        var results = found.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal("a/decisions/db", results[0].GetProperty("key").GetString());
        Assert.All(results, r => Assert.StartsWith("a/", r.GetProperty("key").GetString(), StringComparison.Ordinal));
        Assert.InRange(results[0].GetProperty("score").GetDouble(), 0.0, 1.0);
    }

    [Fact]
    public async Task List_PagesThroughKeys()
    {
        for (var i = 0; i < 5; i++)
        {
            await CallOkAsync("memory_store", $$"""{"key": "s/item-{{i}}", "text": "item {{i}}"}""");
        }

        var first = await CallOkAsync("memory_list", """{"prefix": "s/", "limit": 3}""");
        var after = first.GetProperty("next_after").GetString();
        var second = await CallOkAsync("memory_list", $$"""{"prefix": "s/", "limit": 3, "after": "{{after}}"}""");

        Assert.Equal(3, first.GetProperty("entries").GetArrayLength());
        Assert.Equal(2, second.GetProperty("entries").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_after").ValueKind);
    }

    [Fact]
    public async Task Forget_Pattern_ForgetsMatchesAndHistoryShowsTheRemoval()
    {
        await CallOkAsync("memory_store", """{"key": "session-1/a", "text": "a"}""");
        await CallOkAsync("memory_store", """{"key": "session-1/b", "text": "b"}""");

        var forgotten = await CallOkAsync("memory_forget", """{"key": "session-1/*"}""");
        var history = await CallOkAsync("memory_history", """{"key": "session-1/a"}""");

        Assert.Equal(2, forgotten.GetProperty("count").GetInt32());
        await CallErrorAsync("memory_retrieve", """{"key": "session-1/a"}""");
        Assert.Equal(["put", "delete"], history.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("change").GetString()));
    }

    [Fact]
    public async Task LinkAndNeighbors_FollowLinks()
    {
        await CallOkAsync("memory_store", """{"key": "p/bug", "text": "checkout fails"}""");
        await CallOkAsync("memory_store", """{"key": "p/fix", "text": "retry the payment call"}""");

        var link = await CallOkAsync("memory_link", """{"from": "p/fix", "to": "p/bug", "relation": "fixes", "weight": 0.8}""");
        var neighbors = await CallOkAsync("memory_neighbors", """{"key": "p/bug"}""");

        Assert.True(link.GetProperty("created").GetBoolean());
        var neighbor = Assert.Single(neighbors.GetProperty("neighbors").EnumerateArray());
        Assert.Equal("p/fix", neighbor.GetProperty("key").GetString());
        Assert.Equal("fixes", neighbor.GetProperty("relation").GetString());
    }

    [Fact]
    public async Task Stats_CountsWhatTheStoreHolds_WithoutFilePaths()
    {
        await CallOkAsync("memory_store", """{"key": "a/1", "text": "one"}""");
        await CallOkAsync("memory_store", """{"key": "b/1", "text": "two"}""");

        var stats = await CallOkAsync("memory_stats");

        Assert.Equal(2, stats.GetProperty("live_entries").GetInt64());
        // The store's files are listed by name (status lists every file with its size), never with where they are.
        Assert.DoesNotContain(Path.GetDirectoryName(DatabasePath)!, stats.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("memory_store", """{"text": "no key"}""", "argument 'key' is missing")]
    [InlineData("memory_store", """{"key": "bad key!", "text": "x"}""", "bad key!")]
    [InlineData("memory_store", """{"key": "a/b", "text": "x", "importance": 3}""", "argument 'importance' is 3")]
    [InlineData("memory_retrieve", """{"key": "nope/none"}""", "no memory has the key 'nope/none'")]
    [InlineData("memory_retrieve", """{"key": "a/b", "as_of": "yesterday-ish"}""", "argument 'as_of'")]
    [InlineData("memory_search", """{"query": "x", "limit": "ten"}""", "argument 'limit' is \"ten\"")]
    [InlineData("memory_search", """{"query": "x", "mode": "fuzzy"}""", "argument 'mode' is 'fuzzy'")]
    [InlineData("memory_neighbors", """{"key": "a/b", "depth": 9}""", "argument 'depth' is 9")]
    [InlineData("memory_history", """{"key": "never/was"}""", "no memory has ever had the key 'never/was'")]
    public async Task BadCalls_AreToolErrorsThatSayHowToFixThem(string tool, string arguments, string expected)
    {
        var message = await CallErrorAsync(tool, arguments);

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTool_FailsThatCall_AndTheServerKeepsServing()
    {
        var failure = await Assert.ThrowsAnyAsync<ModelContextProtocol.McpException>(() => CallAsync("memory_teleport", """{"key": "a/b"}"""));
        var result = await CallAsync("memory_stats");

        Assert.Contains("memory_teleport", failure.Message, StringComparison.Ordinal);
        Assert.NotEqual(true, result.IsError);
    }

    [Theory]
    [InlineData("{not json at all")]
    [InlineData("""{"jsonrpc": "2.0", "id": 99, "method": "tools/call", "params": {"name": 5}}""")]
    [InlineData("""{"jsonrpc": "2.0", "id": 98, "method": "no/such/method"}""")]
    [InlineData("""[1, 2, 3]""")]
    public async Task MalformedRequest_DoesNotStopTheServer(string line)
    {
        await CallOkAsync("memory_store", """{"key": "a/before", "text": "before"}""");

        await SendRawAsync(line);
        var after = await CallOkAsync("memory_retrieve", """{"key": "a/before"}""");

        Assert.Equal("before", after.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Resources_StatusAndKnowledgeGraph_AreReadable()
    {
        await CallOkAsync("create_entities", """{"entities": [{"name": "Alice", "entityType": "person", "observations": ["likes tea"]}]}""");

        var status = await Client.ReadResourceAsync("mnemo://status", cancellationToken: Ct);
        var graph = await Client.ReadResourceAsync("mnemo://knowledge-graph", cancellationToken: Ct);

        using var statusJson = JsonDocument.Parse(Assert.IsType<TextResourceContents>(Assert.Single(status.Contents)).Text);
        using var graphJson = JsonDocument.Parse(Assert.IsType<TextResourceContents>(Assert.Single(graph.Contents)).Text);
        Assert.Equal(1, statusJson.RootElement.GetProperty("live_entries").GetInt64());
        Assert.Equal("Alice", graphJson.RootElement.GetProperty("entities")[0].GetProperty("name").GetString());
    }
}
