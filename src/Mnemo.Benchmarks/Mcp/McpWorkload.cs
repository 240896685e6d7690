using System.Buffers;
using System.Text.Json;

namespace Mnemo.Benchmarks.Mcp;

/// <summary>The arguments of one tool call: JSON values by argument name, serialised by the MCP client without reflection.</summary>
internal sealed class CallArguments
{
    private CallArguments(IReadOnlyDictionary<string, object?> values) => Values = values;

    /// <summary>The arguments, each a <see cref="JsonElement"/>.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>Arguments whose properties <paramref name="write"/> writes into one JSON object.</summary>
    public static CallArguments Of(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return new CallArguments(document.RootElement.EnumerateObject()
            .ToDictionary(property => property.Name, property => (object?)property.Value.Clone(), StringComparer.Ordinal));
    }
}

/// <summary>
/// One row of the benchmark: a tool called with a prepared argument set per call, the same on every server.
/// </summary>
/// <param name="Row">The row's name in the results (the tool's name, or the tool and its variant).</param>
/// <param name="Tool">The MCP tool called.</param>
/// <param name="Description">What each call does, for people.</param>
/// <param name="MnemoOnly">Called on Mnemo only, because the reference server has no such variant.</param>
/// <param name="ExpectedEntities">For read tools, the entities every call should return.</param>
/// <param name="Calls">The arguments of every call, warm-up calls first.</param>
internal sealed record McpToolSeries(
    string Row, string Tool, string Description, bool MnemoOnly, int? ExpectedEntities, IReadOnlyList<CallArguments> Calls);

/// <summary>
/// The workload of one size of <c>mnemo bench mcp</c>, all of it following from the seed and the size: a knowledge graph
/// to load (entities with 3 to 5 observations, one relation starting at each), and the argument sets of every timed call.
/// </summary>
/// <remarks>
/// Write calls come in pairs that undo each other (create then delete the same entities, relations or observations),
/// so the graph keeps its size while a tool is timed and every size is measured at the size it names. Four made-up
/// marker words each appear in about 1% of the entities (at least one), so that <c>search_nodes</c> finds a known,
/// small set as the reference server's substring search would.
/// </remarks>
internal sealed class McpWorkload
{
    /// <summary>Entities or relations per call while loading.</summary>
    public const int LoadBatchSize = 50;

    /// <summary>Entities per timed <c>create_entities</c> call.</summary>
    public const int NewEntitiesPerCall = 5;

    /// <summary>Observations of each entity a timed <c>create_entities</c> call creates.</summary>
    public const int ObservationsPerNewEntity = 3;

    /// <summary>Relations per timed <c>create_relations</c> call.</summary>
    public const int RelationsPerCall = 2;

    /// <summary>Observations per timed <c>add_observations</c> call (all to one entity).</summary>
    public const int ObservationsPerCall = 2;

    /// <summary>Names per timed <c>open_nodes</c> call.</summary>
    public const int OpenedNames = 3;

    /// <summary>The page size of the <c>read_graph (limit 50)</c> row.</summary>
    public const int PageLimit = 50;

    /// <summary>The smallest size the workload supports.</summary>
    public const int MinimumSize = 10;

    /// <summary>Words that occur nowhere but in the observations chosen to carry them.</summary>
    public static readonly string[] Markers = ["zephyrine", "quillwort", "marrowlight", "vesperine"];

    /// <summary>
    /// A word in exactly <see cref="FixedAnswerEntities"/> entities at every size: a search whose answer does not grow
    /// with the graph, so its time shows whether the search itself does.
    /// </summary>
    public const string FixedAnswerMarker = "lanternwick";

    /// <summary>The entities that carry <see cref="FixedAnswerMarker"/>, at every size.</summary>
    public const int FixedAnswerEntities = 5;

    private static readonly string[] s_types = ["person", "project", "organization", "service", "document", "place"];

    private static readonly string[] s_verbs =
        ["works on", "reviewed", "prefers", "owns", "deployed", "mentioned", "depends on", "wrote", "scheduled", "approved", "migrated", "tested"];

    private static readonly string[] s_objects =
    [
        "the billing service", "release 4.2", "the onboarding guide", "a PostgreSQL cluster", "the quarterly budget", "the mobile app",
        "the search index", "a design review", "the incident report", "the API gateway", "the data pipeline", "the customer portal",
    ];

    private static readonly string[] s_qualifiers =
    [
        "last week", "in March", "after the outage", "before the deadline", "with the platform team", "for the Berlin office",
        "during the sprint", "on Friday", "twice this month", "as agreed",
    ];

    private static readonly string[] s_relationTypes = ["knows", "works_with", "depends_on", "reports_to", "mentions", "part_of"];

    private readonly Random _random;

    /// <summary>Generates the workload of <paramref name="size"/> entities with <paramref name="callsPerTool"/> calls of each tool.</summary>
    public McpWorkload(int size, int callsPerTool, int seed)
    {
        if (size < MinimumSize)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"a size must be at least {MinimumSize} entities");
        }

        _random = new Random(unchecked((seed * 1_000_003) + size));
        Size = size;
        var entities = new (string Name, string Type, List<string> Observations)[size];
        for (var i = 0; i < size; i++)
        {
            var type = s_types[_random.Next(s_types.Length)];
            entities[i] = ($"{type}-{i:D5}", type, NewObservations(3 + _random.Next(3)));
        }

        // Each marker goes into one observation of its own ~1% of the entities.
        MarkedEntitiesPerMarker = Math.Max(1, (int)Math.Round(size / 100.0));
        var order = Enumerable.Range(0, size).ToArray();
        _random.Shuffle(order);
        for (var m = 0; m < Markers.Length; m++)
        {
            for (var j = 0; j < MarkedEntitiesPerMarker; j++)
            {
                var observations = entities[order[(m * MarkedEntitiesPerMarker) + j]].Observations;
                observations[_random.Next(observations.Count)] = $"{Pick(s_verbs)} the {Markers[m]} protocol {Pick(s_qualifiers)}";
            }
        }

        // The fixed-answer word goes into entities no marker took (the smallest size holds both).
        for (var j = 0; j < FixedAnswerEntities; j++)
        {
            var observations = entities[order[(Markers.Length * MarkedEntitiesPerMarker) + j]].Observations;
            observations[_random.Next(observations.Count)] = $"{Pick(s_verbs)} the {FixedAnswerMarker} protocol {Pick(s_qualifiers)}";
        }

        Observations = entities.Sum(e => e.Observations.Count);
        var names = entities.Select(e => e.Name).ToArray();
        EntityBatches = [.. entities.Chunk(LoadBatchSize).Select(batch => CallArguments.Of(writer =>
            WriteEntities(writer, batch.Select(e => (e.Name, e.Type, (IReadOnlyList<string>)e.Observations)))))];

        // One relation starts at every entity and ends at another one.
        var relations = new (string From, string To, string Type)[size];
        for (var i = 0; i < size; i++)
        {
            relations[i] = (names[i], names[(i + 1 + _random.Next(size - 1)) % size], Pick(s_relationTypes));
        }

        Relations = relations.Length;
        RelationBatches = [.. relations.Chunk(LoadBatchSize).Select(batch => CallArguments.Of(writer => WriteRelations(writer, "relations", batch)))];
        Steps = TimedSteps(names, callsPerTool);
    }

    /// <summary>Entities loaded.</summary>
    public int Size { get; }

    /// <summary>Relations loaded.</summary>
    public int Relations { get; }

    /// <summary>Observations loaded, over all entities.</summary>
    public int Observations { get; }

    /// <summary>Entities that carry each marker word.</summary>
    public int MarkedEntitiesPerMarker { get; }

    /// <summary>The <c>create_entities</c> calls that load the entities.</summary>
    public IReadOnlyList<CallArguments> EntityBatches { get; }

    /// <summary>The <c>create_relations</c> calls that load the relations.</summary>
    public IReadOnlyList<CallArguments> RelationBatches { get; }

    /// <summary>
    /// The timed rows, grouped into steps whose rows are called in turn for each call index (a write and the call that
    /// undoes it), step after step.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<McpToolSeries>> Steps { get; }

    /// <summary>Every row, in the order they run.</summary>
    public IEnumerable<McpToolSeries> Rows => Steps.SelectMany(step => step);

    private IReadOnlyList<IReadOnlyList<McpToolSeries>> TimedSteps(string[] names, int calls)
    {
        var createEntities = new List<CallArguments>(calls);
        var deleteEntities = new List<CallArguments>(calls);
        var createRelations = new List<CallArguments>(calls);
        var deleteRelations = new List<CallArguments>(calls);
        var addObservations = new List<CallArguments>(calls);
        var deleteObservations = new List<CallArguments>(calls);
        var openNodes = new List<CallArguments>(calls);
        var searchNodes = new List<CallArguments>(calls);
        var searchFixed = new List<CallArguments>(calls);
        var readGraph = new List<CallArguments>(calls);
        var readPage = new List<CallArguments>(calls);
        for (var k = 0; k < calls; k++)
        {
            var fresh = Enumerable.Range(0, NewEntitiesPerCall)
                .Select(j => ($"bench-entity-{k:D5}-{j}", "benchmark", (IReadOnlyList<string>)NewObservations(ObservationsPerNewEntity)))
                .ToList();
            createEntities.Add(CallArguments.Of(writer => WriteEntities(writer, fresh)));
            deleteEntities.Add(CallArguments.Of(writer => WriteStrings(writer, "entityNames", fresh.Select(e => e.Item1))));

            // New relations between loaded entities: their type is one the load never uses.
            var ends = Distinct(names, RelationsPerCall * 2);
            var links = Enumerable.Range(0, RelationsPerCall).Select(j => (ends[2 * j], ends[(2 * j) + 1], "benchmarked_with")).ToArray();
            createRelations.Add(CallArguments.Of(writer => WriteRelations(writer, "relations", links)));
            deleteRelations.Add(CallArguments.Of(writer => WriteRelations(writer, "relations", links)));

            var entity = names[_random.Next(names.Length)];
            var notes = Enumerable.Range(0, ObservationsPerCall).Select(j => $"benchmark note {k}-{j}: {Sentence()}").ToArray();
            addObservations.Add(CallArguments.Of(writer => WriteObservations(writer, "observations", entity, "contents", notes)));
            deleteObservations.Add(CallArguments.Of(writer => WriteObservations(writer, "deletions", entity, "observations", notes)));

            var opened = Distinct(names, OpenedNames);
            openNodes.Add(CallArguments.Of(writer => WriteStrings(writer, "names", opened)));
            var marker = Markers[k % Markers.Length];
            searchNodes.Add(CallArguments.Of(writer => writer.WriteString("query", marker)));
            searchFixed.Add(CallArguments.Of(writer => writer.WriteString("query", FixedAnswerMarker)));
            readGraph.Add(CallArguments.Of(_ => { }));
            readPage.Add(CallArguments.Of(writer => writer.WriteNumber("limit", PageLimit)));
        }

        return
        [
            [
                new("create_entities", "create_entities", $"{NewEntitiesPerCall} new entities with {ObservationsPerNewEntity} observations each", false, null, createEntities),
                new("delete_entities", "delete_entities", $"the {NewEntitiesPerCall} entities just created", false, null, deleteEntities),
            ],
            [
                new("create_relations", "create_relations", $"{RelationsPerCall} new relations between existing entities", false, null, createRelations),
                new("delete_relations", "delete_relations", $"the {RelationsPerCall} relations just created", false, null, deleteRelations),
            ],
            [
                new("add_observations", "add_observations", $"{ObservationsPerCall} new observations to one entity", false, null, addObservations),
                new("delete_observations", "delete_observations", $"the {ObservationsPerCall} observations just added", false, null, deleteObservations),
            ],
            [new("open_nodes", "open_nodes", $"{OpenedNames} entities by name", false, OpenedNames, openNodes)],
            [new("search_nodes", "search_nodes", "a word found in ~1% of the entities", false, MarkedEntitiesPerMarker, searchNodes)],
            [new($"search_nodes ({FixedAnswerEntities} found)", "search_nodes", $"a word found in {FixedAnswerEntities} entities at every size", false, FixedAnswerEntities, searchFixed)],
            [new("read_graph", "read_graph", "the whole graph", false, Size, readGraph)],
            [new($"read_graph (limit {PageLimit})", "read_graph", $"the first {PageLimit} entities (Mnemo paging)", true, Math.Min(PageLimit, Size), readPage)],
        ];
    }

    private List<string> NewObservations(int count)
    {
        var observations = new List<string>(count);
        while (observations.Count < count)
        {
            var sentence = Sentence();
            if (!observations.Contains(sentence))
            {
                observations.Add(sentence);
            }
        }

        return observations;
    }

    private string Sentence() => $"{Pick(s_verbs)} {Pick(s_objects)} {Pick(s_qualifiers)}";

    private string Pick(string[] words) => words[_random.Next(words.Length)];

    private string[] Distinct(string[] names, int count)
    {
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        while (chosen.Count < count)
        {
            chosen.Add(names[_random.Next(names.Length)]);
        }

        return [.. chosen];
    }

    private static void WriteEntities(Utf8JsonWriter writer, IEnumerable<(string Name, string Type, IReadOnlyList<string> Observations)> entities)
    {
        writer.WriteStartArray("entities");
        foreach (var (name, type, observations) in entities)
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("entityType", type);
            WriteStrings(writer, "observations", observations);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteRelations(Utf8JsonWriter writer, string property, IEnumerable<(string From, string To, string Type)> relations)
    {
        writer.WriteStartArray(property);
        foreach (var (from, to, type) in relations)
        {
            writer.WriteStartObject();
            writer.WriteString("from", from);
            writer.WriteString("to", to);
            writer.WriteString("relationType", type);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteObservations(Utf8JsonWriter writer, string property, string entity, string listProperty, IEnumerable<string> texts)
    {
        writer.WriteStartArray(property);
        writer.WriteStartObject();
        writer.WriteString("entityName", entity);
        WriteStrings(writer, listProperty, texts);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string property, IEnumerable<string> values)
    {
        writer.WriteStartArray(property);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
