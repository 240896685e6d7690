using System.Text.Json.Nodes;
using Mnemo.Core;
using Mnemo.Core.Entries;
using Mnemo.Core.Links;
using Mnemo.Core.Messages;
using Mnemo.Core.Results;
using Mnemo.Core.Retrieval;
using Mnemo.Core.Transfer;
using Mnemo.Mcp.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp.Tools;

/// <summary>Mnemo's own memory tools: store, retrieve, search, list, forget, history, link, neighbors and stats.</summary>
internal static class MemoryTools
{
    private const string KeyExample = "\"project-x/decisions/database\"";

    /// <summary>The tools, acting as <paramref name="engine"/>'s caller (the server's view, <see cref="MnemoEngine.As"/>).</summary>
    public static IEnumerable<McpServerTool> Create(MnemoEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var key = Schema.String("The memory's key: segments of letters, digits and -_.:@ separated by '/', e.g. project-x/decisions/database");

        yield return new MnemoTool("memory_store",
            "Save something worth remembering across sessions (a fact, decision, preference or result) under a key. Writing an " +
            "existing key makes a new version; the old one stays in its history, and kind, tags, metadata and importance you leave out keep their previous values. A near-duplicate of another memory in the same " +
            "namespace is reported (or skipped or merged, with on_duplicate).",
            Schema.Object(
                ("key!", key),
                ("text!", Schema.String("What to remember, in plain words: this is what search matches")),
                ("kind", Schema.String("A category such as fact, decision, preference, task (default: the previous version's, else note)")),
                ("tags", Schema.Strings("Labels to filter by later (default: the previous version's; [] clears them)")),
                ("metadata", Schema.AnyObject("Any JSON object to keep with the memory (default: the previous version's; {} clears it)")),
                ("importance", Schema.Number("0 to 1: how much this matters in ranking (default: the previous version's, else 0.5)", 0, 1)),
                ("ttl_seconds", Schema.Integer("Forget the memory after this many seconds", 1, int.MaxValue)),
                ("expected_version", Schema.Integer("Write only if the memory is at this version now (0: only if it is new)", 0, int.MaxValue)),
                ("base_version", Schema.Integer("The version you read and changed: if the memory has moved on since, its namespace's conflict " +
                    "policy overwrites it, merges your change in, or keeps yours as a sibling (see the result's conflict)", 0, int.MaxValue)),
                ("on_duplicate", Schema.Enum($"What to do when a near-duplicate exists: {DuplicatePolicies.Map.Choices} (default {DuplicatePolicies.Name(DuplicatePolicies.Default)})",
                    [.. DuplicatePolicies.Map.Names]))),
            MnemoTool.Writes(),
            async (args, ct) =>
            {
                var write = new MemoryWrite
                {
                    Key = args.String("key", KeyExample),
                    Text = args.String("text", "\"We chose PostgreSQL for the orders service\""),
                    Kind = args.OptionalString("kind"),
                    Tags = args.OptionalStrings("tags"),
                    Metadata = args.OptionalObject("metadata"),
                    Importance = args.OptionalDouble("importance", 0, 1),
                    TimeToLive = args.OptionalInt("ttl_seconds", 1, int.MaxValue) is { } ttl ? TimeSpan.FromSeconds(ttl) : null,
                    ExpectedVersion = args.OptionalLong("expected_version", 0),
                    BaseVersion = args.OptionalLong("base_version", 0),
                    OnDuplicate = Named(args, "on_duplicate", DuplicatePolicies.Map, DuplicatePolicies.Default),
                };
                var outcome = await engine.StoreAsync(write, ct).ConfigureAwait(false);
                // Core's shape (the CLI's store --json), with the quota warnings the write raised.
                return ToolResults.Json(CoreJson.Object(writer => StoreOutcomeJson.Write(writer, outcome)));
            });

        yield return new MnemoTool("memory_retrieve",
            "Read one memory by its exact key, as it is now or as it was at a past time (as_of). Use memory_search when you do not know the key.",
            Schema.Object(("key!", key), ("as_of", Schema.String("A past time: ISO 8601 (2026-11-30T12:00:00Z) or an age such as 2h, 3d"))),
            MnemoTool.ReadOnly(),
            async (args, ct) =>
            {
                var name = args.String("key", KeyExample);
                if (args.OptionalString("as_of") is { } asOfText)
                {
                    // Core says why nothing was there then: not created yet, forgotten, expired (and when).
                    var asOf = ParseTime(engine, "as_of", asOfText);
                    return await engine.GetAsOfAsync(name, asOf, ct).ConfigureAwait(false) is { } past
                        ? ToolResults.Json(CoreJson.Object(writer => EntryJson.Write(writer, past)))
                        : ToolResults.Error((await engine.ExplainMissingAsOfAsync(name, asOf, ct).ConfigureAwait(false)).Render(McpHints.Render));
                }

                return await engine.GetAsync(name, ct).ConfigureAwait(false) is { } entry
                    ? ToolResults.Json(CoreJson.Object(writer => EntryJson.Write(writer, entry)))
                    : ToolResults.Error($"no memory has the key '{name}': use memory_search to find memories by their content, or memory_list to see keys");
            });

        yield return new MnemoTool("memory_search",
            "Find the memories that best answer a question, in your own words: full-text and meaning combined, ranked, with " +
            "scores 0..1 that mean the same for every query (about 0.9 for a memory that fully matches, near 0 for an unrelated one). Use before starting a task to recall what is already known.",
            Schema.Object(
                ("query!", Schema.String("What you are looking for, e.g. 'which database did we choose for orders?'")),
                ("namespace", Schema.String("Only memories whose key starts with this prefix, e.g. project-x/")),
                ("kind", Schema.String("Only memories of this kind")),
                ("tags", Schema.Strings("Only memories carrying all these tags")),
                ("limit", Schema.Integer("How many results at most (default 10)", 1, 100)),
                ("mode", Schema.Enum("hybrid (default), text (words only) or vector (meaning only)", [.. SearchModes.Map.Names])),
                ("min_score", Schema.Number("Leave out results scoring below this; scores mean the same for every query (default 0)", 0, 1)),
                ("explain", Schema.Boolean("Add each result's explain: every signal's raw value, its 0..1 value and its part of the score"))),
            MnemoTool.ReadOnly(),
            async (args, ct) =>
            {
                var filter = new SearchFilter
                {
                    Prefix = args.OptionalString("namespace") ?? "",
                    Kind = args.OptionalString("kind"),
                    Tags = args.OptionalStrings("tags") ?? [],
                    Limit = args.Int("limit", 10, 1, 100),
                    MinScore = args.OptionalDouble("min_score", 0, 1) ?? 0,
                    Mode = Named(args, "mode", SearchModes.Map, SearchMode.Hybrid),
                };
                var hits = await engine.SearchAsync(args.String("query", "\"database choice\""), filter, ct).ConfigureAwait(false);
                var explain = args.Bool("explain", false);
                return ToolResults.Json(CoreJson.List("results", writer => SearchHitJson.WriteArray(writer, hits, explain)));
            });

        yield return new MnemoTool("memory_list",
            "List memory keys under a prefix, a page at a time, in key order. Use to see what a namespace holds.",
            Schema.Object(
                ("prefix", Schema.String("Only keys starting with this, e.g. project-x/ (default: all)")),
                ("after", Schema.String("The next_after of the previous page")),
                ("limit", Schema.Integer("Memories per page (default 50)", 1, 500))),
            MnemoTool.ReadOnly(),
            async (args, ct) =>
            {
                var page = await engine.ListAsync(args.OptionalString("prefix") ?? "", args.OptionalString("after"), args.Int("limit", 50, 1, 500), ct)
                    .ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => EntryPageJson.Write(writer, page.Entries, page.NextAfter)));
            });

        yield return new MnemoTool("memory_forget",
            "Forget a memory by key, or every memory matching a pattern: * and ? (one character) stay within a key segment, " +
            "** crosses segments (session-1/* is session-1/a but not session-1/a/b; session-1/** is everything below session-1). " +
            "It stays in history unless purge is true. Use dry_run to see what a pattern would forget.",
            Schema.Object(
                ("key!", Schema.String("A key, or a pattern such as session-1/* (one level) or session-1/** (everything below)")),
                ("dry_run", Schema.Boolean("Only report what would be forgotten")),
                ("purge", Schema.Boolean("Erase every version as well, not only the current one"))),
            MnemoTool.Writes(destructive: true, idempotent: true),
            async (args, ct) =>
            {
                var result = await engine.ForgetAsync(args.String("key", KeyExample), args.Bool("dry_run", false), args.Bool("purge", false), cancellationToken: ct)
                    .ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => ForgetResultJson.Write(writer, result)));
            });

        yield return new MnemoTool("memory_history",
            "Every version of a memory, oldest first: what it said, when and by which agent, including removals.",
            Schema.Object(("key!", key)), MnemoTool.ReadOnly(),
            async (args, ct) =>
            {
                var name = args.String("key", KeyExample);
                var history = await engine.GetHistoryAsync(name, ct).ConfigureAwait(false);
                return history.Count == 0
                    ? ToolResults.Error($"no memory has ever had the key '{name}': use memory_list to see keys")
                    : ToolResults.Json(CoreJson.List("versions", writer => HistoryJson.WriteArray(writer, history)));
            });

        yield return new MnemoTool("memory_link",
            "Link two memories (from -> to) with a relation such as depends_on, caused_by or see_also, so that recalling one " +
            "brings the other (memory_neighbors, or search expansion). Linking again updates the weight.",
            Schema.Object(
                ("from!", key), ("to!", Schema.String("The key of the memory linked to")),
                ("relation", Schema.String("What the link means (default related)")),
                ("weight", Schema.Number("0 to 1: how strong the link is (default 1)", 0, 1))),
            MnemoTool.Writes(idempotent: true),
            async (args, ct) =>
            {
                var (link, created) = await engine.LinkAsync(args.String("from", KeyExample), args.String("to", KeyExample),
                    args.OptionalString("relation"), args.OptionalDouble("weight", 0, 1) ?? 1, ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => LinkResultJson.WriteLinked(writer, link, created)));
            });

        yield return new MnemoTool("memory_unlink",
            "Remove the links from one memory to another (every relation, or only the one given).",
            Schema.Object(
                ("from!", key), ("to!", Schema.String("The key of the memory linked to")),
                ("relation", Schema.String("Only the link of this relation (default: every relation)"))),
            MnemoTool.Writes(destructive: true),
            async (args, ct) =>
            {
                var (from, to, relation) = (args.String("from", KeyExample), args.String("to", KeyExample), args.OptionalString("relation"));
                var removed = await engine.UnlinkAsync(from, to, relation, ct).ConfigureAwait(false);
                return removed == 0
                    ? ToolResults.Error($"no link from '{from}' to '{to}'{(relation is null ? "" : $" with relation '{relation}'")}: use memory_neighbors to see the links of '{from}'")
                    : ToolResults.Json(CoreJson.Object(writer => LinkResultJson.WriteUnlinked(writer, removed)));
            });

        yield return new MnemoTool("memory_neighbors",
            "The memories linked to one memory, up to depth links away, nearest first.",
            Schema.Object(
                ("key!", key),
                ("depth", Schema.Integer("How many links away to go (default 1)", 1, 5)),
                ("direction", Schema.Enum("Follow links out of the memory, into it, or both (default)", [.. LinkDirections.Map.Names])),
                ("relation", Schema.String("Only links of this relation"))),
            MnemoTool.ReadOnly(),
            async (args, ct) =>
            {
                var direction = Named(args, "direction", LinkDirections.Map, LinkDirection.Both);
                var neighbors = await engine.GetNeighborsAsync(args.String("key", KeyExample), args.Int("depth", 1, 1, 5), direction,
                    args.OptionalString("relation"), ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.List("neighbors", writer => NeighborJson.WriteArray(writer, neighbors)));
            });

        yield return new MnemoTool("memory_stats",
            "How much Mnemo holds: live memories, namespaces, versions in history, database size, quotas in use.",
            Schema.Object(), MnemoTool.ReadOnly(),
            async (_, ct) => ToolResults.Json(await StatusAsync(engine, ct).ConfigureAwait(false)));
    }

    /// <summary>
    /// The status in Core's shape (the CLI's status --json) without the database's location (a model does not need the
    /// user's paths), with the embedding model this long-lived server resolves anyway for its searches.
    /// </summary>
    public static async Task<JsonObject> StatusAsync(MnemoEngine engine, CancellationToken cancellationToken)
    {
        var report = await StatusReport.ReadAsync(engine, cancellationToken).ConfigureAwait(false);
        var model = await engine.GetEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);
        return CoreJson.Object(writer => StatusReportJson.Write(writer, report, includeLocation: false, model));
    }

    /// <summary>The value an enum argument names (Core's names), or <paramref name="fallback"/> when it is left out.</summary>
    private static T Named<T>(ToolArguments args, string name, NameMap<T> names, T fallback)
        where T : struct, Enum
    {
        var text = args.OptionalString(name);
        return text is null ? fallback
            : names.TryParse(text, out var value) ? value
            : throw new ToolArgumentException($"argument '{name}' is '{text}': give {names.Choices}");
    }

    private static DateTimeOffset ParseTime(MnemoEngine engine, string name, string text)
    {
        try
        {
            return engine.ParseTimePoint(text);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new ToolArgumentException($"argument '{name}': {ex.Message}");
        }
    }
}
