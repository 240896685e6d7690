using System.Text.Json.Nodes;
using Mnemo.Core.Graph;
using Mnemo.Mcp.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp.Tools;

/// <summary>
/// The knowledge-graph tools of the reference MCP memory server (<c>@modelcontextprotocol/server-memory</c>): the same
/// names, arguments and result shapes, so a client can swap servers without changing prompts. Beyond the reference:
/// <c>read_graph</c> and <c>search_nodes</c> take <c>offset</c> and <c>limit</c>, and <c>search_nodes</c> ranks.
/// </summary>
internal static class GraphTools
{
    private const string EntityExample = """[{"name": "Alice", "entityType": "person", "observations": ["works at Acme"]}]""";
    private const string RelationExample = """[{"from": "Alice", "to": "Acme", "relationType": "works_at"}]""";

    public static IEnumerable<McpServerTool> Create(KnowledgeGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var entity = Schema.Object(
            ("name!", Schema.String("The name of the entity")),
            ("entityType!", Schema.String("The type of the entity")),
            ("observations!", Schema.Strings("An array of observation contents associated with the entity")));
        var relation = Schema.Object(
            ("from!", Schema.String("The name of the entity where the relation starts")),
            ("to!", Schema.String("The name of the entity where the relation ends")),
            ("relationType!", Schema.String("The type of the relation")));
        var offset = Schema.Integer("Mnemo: skip this many entities (paging; default 0)", 0, int.MaxValue);
        var limit = Schema.Integer("Mnemo: return at most this many entities, with total and nextOffset for the next page", 1, 10_000);

        yield return new MnemoTool("create_entities", "Create multiple new entities in the knowledge graph",
            Schema.Object(("entities!", Schema.ArrayOf(entity))), MnemoTool.Writes(),
            async (args, ct) =>
            {
                var created = await graph.CreateEntitiesAsync(args.Objects("entities", EntityExample, ReadEntity), ct).ConfigureAwait(false);
                return ToolResults.Json(new JsonObject { ["entities"] = Entities(created) });
            });

        yield return new MnemoTool("create_relations",
            "Create multiple new relations between entities in the knowledge graph. Relations should be in active voice",
            Schema.Object(("relations!", Schema.ArrayOf(relation))), MnemoTool.Writes(),
            async (args, ct) =>
            {
                var created = await graph.CreateRelationsAsync(args.Objects("relations", RelationExample, ReadRelation), ct).ConfigureAwait(false);
                return ToolResults.Json(new JsonObject { ["relations"] = Relations(created) });
            });

        yield return new MnemoTool("add_observations", "Add new observations to existing entities in the knowledge graph",
            Schema.Object(("observations!", Schema.ArrayOf(Schema.Object(
                ("entityName!", Schema.String("The name of the entity to add the observations to")),
                ("contents!", Schema.Strings("An array of observation contents to add")))))),
            MnemoTool.Writes(),
            async (args, ct) =>
            {
                var additions = args.Objects("observations", """[{"entityName": "Alice", "contents": ["likes tea"]}]""",
                    item => new GraphObservations(item.String("entityName", "\"Alice\""), item.Strings("contents", "[\"likes tea\"]")));
                var results = await graph.AddObservationsAsync(additions, ct).ConfigureAwait(false);
                return ToolResults.Json(new JsonObject
                {
                    ["results"] = new JsonArray([.. results.Select(r => (JsonNode)new JsonObject
                    {
                        ["entityName"] = r.EntityName,
                        ["addedObservations"] = Strings(r.AddedObservations),
                    })]),
                });
            });

        yield return new MnemoTool("delete_entities", "Delete multiple entities and their associated relations from the knowledge graph",
            Schema.Object(("entityNames!", Schema.Strings("An array of entity names to delete"))), MnemoTool.Writes(destructive: true, idempotent: true),
            async (args, ct) =>
            {
                await graph.DeleteEntitiesAsync(args.Strings("entityNames", "[\"Alice\"]"), ct).ConfigureAwait(false);
                return Done("Entities deleted successfully");
            });

        yield return new MnemoTool("delete_observations", "Delete specific observations from entities in the knowledge graph",
            Schema.Object(("deletions!", Schema.ArrayOf(Schema.Object(
                ("entityName!", Schema.String("The name of the entity containing the observations")),
                ("observations!", Schema.Strings("An array of observations to delete")))))),
            MnemoTool.Writes(destructive: true, idempotent: true),
            async (args, ct) =>
            {
                var deletions = args.Objects("deletions", """[{"entityName": "Alice", "observations": ["likes tea"]}]""",
                    item => new GraphObservations(item.String("entityName", "\"Alice\""), item.Strings("observations", "[\"likes tea\"]")));
                await graph.DeleteObservationsAsync(deletions, ct).ConfigureAwait(false);
                return Done("Observations deleted successfully");
            });

        yield return new MnemoTool("delete_relations", "Delete multiple relations from the knowledge graph",
            Schema.Object(("relations!", Schema.ArrayOf(relation, "An array of relations to delete"))), MnemoTool.Writes(destructive: true, idempotent: true),
            async (args, ct) =>
            {
                await graph.DeleteRelationsAsync(args.Objects("relations", RelationExample, ReadRelation), ct).ConfigureAwait(false);
                return Done("Relations deleted successfully");
            });

        yield return new MnemoTool("read_graph",
            "Read the entire knowledge graph. Mnemo: pass limit (and offset) to read a large graph page by page",
            Schema.Object(("offset", offset), ("limit", limit)), MnemoTool.ReadOnly(),
            async (args, ct) => View(await graph.ReadGraphAsync(
                args.Int("offset", 0, 0, int.MaxValue), args.OptionalInt("limit", 1, 10_000), ct).ConfigureAwait(false)));

        yield return new MnemoTool("search_nodes",
            "Search for nodes in the knowledge graph based on a query. Mnemo: best matches first; when no entity contains the " +
            "query as written, entities matching its words or meaning are returned; limit and offset page the results",
            Schema.Object(("query!", Schema.String("The search query to match against entity names, types, and observation content")),
                ("offset", offset), ("limit", limit)),
            MnemoTool.ReadOnly(),
            async (args, ct) => View(await graph.SearchNodesAsync(
                args.OptionalString("query") ?? throw new ToolArgumentException("argument 'query' is missing: give a string such as \"Alice\""),
                args.Int("offset", 0, 0, int.MaxValue), args.OptionalInt("limit", 1, 10_000), ct).ConfigureAwait(false)));

        yield return new MnemoTool("open_nodes", "Open specific nodes in the knowledge graph by their names",
            Schema.Object(("names!", Schema.Strings("An array of entity names to retrieve"))), MnemoTool.ReadOnly(),
            async (args, ct) => View(await graph.OpenNodesAsync(args.Strings("names", "[\"Alice\"]"), ct).ConfigureAwait(false)));
    }

    /// <summary>A graph view as the reference server shapes it, with Mnemo's paging fields when the view is a page.</summary>
    public static JsonObject ToJson(GraphView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var json = new JsonObject { ["entities"] = Entities(view.Entities), ["relations"] = Relations(view.Relations) };
        if (view.Total is { } total)
        {
            json["total"] = total;
            json["nextOffset"] = view.NextOffset;
        }

        return json;
    }

    private static ModelContextProtocol.Protocol.CallToolResult View(GraphView view) => GraphResults.Of(view);

    private static ModelContextProtocol.Protocol.CallToolResult Done(string message) =>
        ToolResults.Message(message, new JsonObject { ["success"] = true, ["message"] = message });

    private static GraphEntity ReadEntity(ToolArguments item) => new(
        item.String("name", "\"Alice\""), item.String("entityType", "\"person\""), item.Strings("observations", "[\"works at Acme\"]"));

    private static GraphRelation ReadRelation(ToolArguments item) => new(
        item.String("from", "\"Alice\""), item.String("to", "\"Acme\""), item.String("relationType", "\"works_at\""));

    private static JsonArray Entities(IEnumerable<GraphEntity> entities) => new([.. entities.Select(e => (JsonNode)new JsonObject
    {
        ["name"] = e.Name,
        ["entityType"] = e.EntityType,
        ["observations"] = Strings(e.Observations),
    })]);

    private static JsonArray Relations(IEnumerable<GraphRelation> relations) => new([.. relations.Select(r => (JsonNode)new JsonObject
    {
        ["from"] = r.From,
        ["to"] = r.To,
        ["relationType"] = r.RelationType,
    })]);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
