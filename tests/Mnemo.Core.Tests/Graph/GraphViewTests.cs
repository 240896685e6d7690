using Mnemo.Core.Graph;
using Mnemo.Core.Storage;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Graph;

/// <summary>
/// The knowledge graph's in-memory view: current after every kind of write, by this engine or another one on the same
/// file, and answering reads and deletions without listing the graph's entries.
/// </summary>
public sealed class GraphViewTests : EngineTestBase
{
    [Fact]
    public async Task Reads_AfterEveryKindOfWrite_AgreeWithAGraphReadAfresh()
    {
        var graph = new KnowledgeGraph(Engine);
        Assert.Empty((await graph.ReadGraphAsync(cancellationToken: Ct)).Entities);
        var steps = new (string Name, Func<Task> Write)[]
        {
            ("create_entities", () => graph.CreateEntitiesAsync(
                [new("Alice", "person", ["likes tea"]), new("Acme", "company", ["makes anvils"]), new("Bob", "person", [])], Ct)),
            ("create_relations", () => graph.CreateRelationsAsync(
                [new("Alice", "Acme", "works_at"), new("Bob", "Alice", "knows"), new("Acme", "Bob", "employs")], Ct)),
            ("add_observations", () => graph.AddObservationsAsync([new("Bob", ["drinks tea"])], Ct)),
            ("delete_observations", () => graph.DeleteObservationsAsync([new("Alice", ["likes tea"])], Ct)),
            ("delete_relations", () => graph.DeleteRelationsAsync([new("Acme", "Bob", "employs")], Ct)),
            ("delete_entities", () => graph.DeleteEntitiesAsync(["Alice"], Ct)),
            ("forget through the engine", () => Engine.ForgetAsync(GraphKeys.Entity(KnowledgeGraph.DefaultRoot, "Bob"), cancellationToken: Ct)),
            ("an entry of another namespace", () => Engine.StoreAsync(new MemoryWrite { Key = "notes/tea", Text = "tea" }, Ct)),
        };

        foreach (var (name, write) in steps)
        {
            await write();

            await AssertSameAnswersAsync(new KnowledgeGraph(Engine), graph, name);
        }

        var final = await graph.ReadGraphAsync(cancellationToken: Ct);
        Assert.Equal("Acme (company): makes anvils", Assert.Single(Describe(final).Entities));
        Assert.Empty(final.Relations);
    }

    [Fact]
    public async Task Reads_SeeEveryWriteOfAnotherEngineOnTheSameFile()
    {
        var reader = new KnowledgeGraph(Engine);
        Assert.Empty((await reader.ReadGraphAsync(cancellationToken: Ct)).Entities);
        await using var other = await OpenAsync();
        var writer = new KnowledgeGraph(other);

        await writer.CreateEntitiesAsync([new("Alice", "person", ["likes tea"]), new("Acme", "company", [])], Ct);
        Assert.Equal(["Alice (person): likes tea", "Acme (company): "], Describe(await reader.ReadGraphAsync(cancellationToken: Ct)).Entities);

        await writer.CreateRelationsAsync([new("Alice", "Acme", "works_at")], Ct);
        Assert.Equal(["Alice -works_at-> Acme"], Describe(await reader.OpenNodesAsync(["Acme"], Ct)).Relations);

        await writer.AddObservationsAsync([new("Alice", ["plays chess"])], Ct);
        Assert.Equal(["Alice (person): likes tea; plays chess"], Describe(await reader.SearchNodesAsync("CHESS", cancellationToken: Ct)).Entities);

        await writer.DeleteObservationsAsync([new("Alice", ["likes tea"])], Ct);
        Assert.Equal(["Alice (person): plays chess"], Describe(await reader.OpenNodesAsync(["Alice"], Ct)).Entities);

        await writer.DeleteEntitiesAsync(["Acme"], Ct);
        var graph = Describe(await reader.ReadGraphAsync(cancellationToken: Ct));
        Assert.Equal(["Alice (person): plays chess"], graph.Entities);
        Assert.Empty(graph.Relations);

        // And the other way round: the writer's view, loaded by now, sees the reader's writes.
        await reader.CreateEntitiesAsync([new("Bob", "person", [])], Ct);
        await reader.CreateRelationsAsync([new("Bob", "Alice", "knows")], Ct);
        Assert.Equal(["Bob -knows-> Alice"], Describe(await writer.ReadGraphAsync(cancellationToken: Ct)).Relations);
        await reader.DeleteRelationsAsync([new("Bob", "Alice", "knows")], Ct);
        Assert.Empty((await writer.OpenNodesAsync(["Alice", "Bob"], Ct)).Relations);
    }

    [Fact]
    public async Task Reads_AfterARestore_ShowTheRestoredGraph()
    {
        var graph = new KnowledgeGraph(Engine);
        await graph.CreateEntitiesAsync([new("Alice", "person", [])], Ct);
        var backup = Temp.File("backup.db");
        await Engine.BackupAsync(backup, Ct);
        await graph.CreateEntitiesAsync([new("Bob", "person", [])], Ct);
        Assert.Equal(2, (await graph.ReadGraphAsync(cancellationToken: Ct)).Entities.Count);

        await Engine.RestoreAsync(backup, Ct);

        Assert.Equal(["Alice"], (await graph.ReadGraphAsync(cancellationToken: Ct)).Entities.Select(e => e.Name));
    }

    [Fact]
    public async Task DeleteEntities_RemovesJustItsRelations_FoundByTheirEnds_InOneTransaction()
    {
        var (store, counter) = CountingStore.Wrap(await OpenStoreAsync());
        await using var engine = MnemoEngine.Open(store, new MnemoOptions { TimeProvider = Clock });
        var graph = await ChainAsync(engine, 40);
        counter.Reset();

        await graph.DeleteEntitiesAsync(["e10"], Ct);

        Assert.Equal(0, counter.Calls(nameof(IMemoryStore.ListAsync)));
        Assert.Equal(0, counter.Calls(nameof(IMemoryStore.FindAsync)));
        Assert.Equal(0, counter.Calls(nameof(IMemoryStore.ExportAsync)));
        var removal = Assert.Single(counter.Arguments(nameof(IMemoryStore.RemoveAsync)));
        Assert.Equal(
            new[] { Relation("e09", "e10"), Relation("e10", "e11"), GraphKeys.Entity(KnowledgeGraph.DefaultRoot, "e10") }.Order(StringComparer.Ordinal),
            ((IReadOnlyList<RemoveRequest>)removal[0]!).Select(request => request.Key).Order(StringComparer.Ordinal));
        var view = await graph.ReadGraphAsync(cancellationToken: Ct);
        Assert.Equal(39, view.Entities.Count);
        Assert.Equal(37, view.Relations.Count);
        Assert.DoesNotContain(view.Relations, r => r.From == "e10" || r.To == "e10");
    }

    [Fact]
    public async Task Reads_OnACurrentView_ReadNoEntries_AndAfterAnotherEnginesWrite_ReadOnlyWhatChanged()
    {
        var (store, counter) = CountingStore.Wrap(await OpenStoreAsync());
        await using var engine = MnemoEngine.Open(store, new MnemoOptions { TimeProvider = Clock });
        var graph = await ChainAsync(engine, 40);
        await graph.ReadGraphAsync(cancellationToken: Ct);
        counter.Reset();

        Assert.Single((await graph.OpenNodesAsync(["e05"], Ct)).Entities);
        Assert.Equal(10, (await graph.SearchNodesAsync("E1", cancellationToken: Ct)).Entities.Count);
        Assert.Equal(10, (await graph.SearchNodesAsync("OF E2", cancellationToken: Ct)).Entities.Count);
        Assert.Equal(40, (await graph.ReadGraphAsync(cancellationToken: Ct)).Entities.Count);
        Assert.Equal(5, (await graph.ReadGraphAsync(10, 5, Ct)).Entities.Count);

        string[] entryReads =
        [
            nameof(IMemoryStore.ListAsync), nameof(IMemoryStore.GetManyAsync), nameof(IMemoryStore.GetAsync), nameof(IMemoryStore.FindAsync),
            nameof(IMemoryStore.ExportAsync), nameof(IMemoryStore.SearchTextAsync),
        ];
        Assert.All(entryReads, method => Assert.Equal(0, counter.Calls(method)));

        await using var other = await OpenAsync();
        await new KnowledgeGraph(other).AddObservationsAsync([new("e07", ["seen elsewhere"])], Ct);
        counter.Reset();

        Assert.Contains("seen elsewhere", Assert.Single((await graph.OpenNodesAsync(["e07"], Ct)).Entities).Observations);
        Assert.Equal(0, counter.Calls(nameof(IMemoryStore.ListAsync)));
        var read = Assert.Single(counter.Arguments(nameof(IMemoryStore.GetManyAsync)));
        Assert.Equal([GraphKeys.Entity(KnowledgeGraph.DefaultRoot, "e07")], (IReadOnlyList<string>)read[0]!);
    }

    [Fact]
    public async Task ReadGraph_OfAnUnchangedGraph_IsTheSameAnswer_UntilAnyEngineWrites()
    {
        var graph = new KnowledgeGraph(Engine);
        await graph.CreateEntitiesAsync([new("Alice", "person", [])], Ct);
        var first = await graph.ReadGraphAsync(cancellationToken: Ct);

        Assert.Same(first, await graph.ReadGraphAsync(cancellationToken: Ct));

        await using var other = await OpenAsync();
        await new KnowledgeGraph(other).AddObservationsAsync([new("Alice", ["likes tea"])], Ct);
        var changed = await graph.ReadGraphAsync(cancellationToken: Ct);
        Assert.NotSame(first, changed);
        Assert.Equal(["likes tea"], Assert.Single(changed.Entities).Observations);
    }

    [Fact]
    public async Task SearchNodes_FindsExactlyTheEntitiesHoldingTheQuery_IgnoringCase()
    {
        var graph = new KnowledgeGraph(Engine);
        var random = new Random(7);
        string[] words = ["Zürich", "tea", "Anvil", "straße", "東京", "data-pipeline", "emoji 🙂 face", "ÉCOLE", "release 4.2", "x"];
        var entities = Enumerable.Range(0, 60).Select(i => new GraphEntity(
            $"{words[random.Next(words.Length)]} {i}", words[random.Next(words.Length)],
            [.. Enumerable.Range(0, random.Next(4)).Select(_ => $"{words[random.Next(words.Length)]} and {words[random.Next(words.Length)]}")])).ToList();
        await graph.CreateEntitiesAsync(entities, Ct);

        for (var i = 0; i < 200; i++)
        {
            // A piece of some entity's text, of one to seven characters, in another case.
            var entity = entities[random.Next(entities.Count)];
            string[] texts = [entity.Name, entity.EntityType, .. entity.Observations];
            var text = texts[random.Next(texts.Length)];
            var start = random.Next(text.Length);
            var piece = text.Substring(start, Math.Min(text.Length - start, 1 + random.Next(7)));
            var query = random.Next(2) == 0 ? piece.ToUpperInvariant() : piece.ToLowerInvariant();
            if (!entities.Any(e => Holds(e, query)))
            {
                continue;
            }

            var found = (await graph.SearchNodesAsync(query, cancellationToken: Ct)).Entities.Select(e => e.Name).Order(StringComparer.Ordinal);

            Assert.Equal(entities.Where(e => Holds(e, query)).Select(e => e.Name).Order(StringComparer.Ordinal), found);
        }
    }

    [Fact]
    public async Task SearchNodes_QueryWhosePiecesAreInDifferentObservations_DoesNotMatch()
    {
        var graph = new KnowledgeGraph(Engine);
        await graph.CreateEntitiesAsync([new("Spread", "thing", ["one two", "two three"]), new("Whole", "thing", ["two two"])], Ct);

        Assert.Equal(["Whole"], (await graph.SearchNodesAsync("TWO TWO", cancellationToken: Ct)).Entities.Select(e => e.Name));
    }

    [Fact]
    public async Task SearchNodes_RanksTheNamedEntity_ThenNames_ThenObservations_ThenTypes()
    {
        var graph = new KnowledgeGraph(Engine);
        await graph.CreateEntitiesAsync(
        [
            new("Eve", "tea-taster", []),
            new("Ann", "person", ["drinks tea"]),
            new("Bob", "person", ["tea at noon", "tea at five"]),
            new("Teapot", "thing", []),
            new("Tea", "drink", []),
            new("Carl", "person", ["coffee"]),
        ], Ct);

        var found = await graph.SearchNodesAsync("tea", cancellationToken: Ct);

        Assert.Equal(["Tea", "Teapot", "Bob", "Ann", "Eve"], found.Entities.Select(e => e.Name));
    }

    [Fact]
    public void SubstringFold_FoldsAlikeEveryTwoCharactersOrdinalIgnoreCaseTakesForEqual()
    {
        // Ordinal-ignore-case orders characters by their upper case, so those it takes for equal sit side by side.
        var characters = Enumerable.Range(0, 0x10000).Where(c => c is < 0xD800 or > 0xDFFF).Select(c => ((char)c).ToString()).ToList();
        characters.Sort(StringComparer.OrdinalIgnoreCase);

        for (var i = 1; i < characters.Count; i++)
        {
            if (string.Equals(characters[i - 1], characters[i], StringComparison.OrdinalIgnoreCase))
            {
                Assert.Equal(SubstringIndex<string>.Fold(characters[i - 1][0]), SubstringIndex<string>.Fold(characters[i][0]));
            }
        }
    }

    /// <summary>A graph of <paramref name="count"/> entities e00, e01, ... with a relation from each to the next.</summary>
    private static async Task<KnowledgeGraph> ChainAsync(MnemoEngine engine, int count)
    {
        var graph = new KnowledgeGraph(engine);
        var names = Enumerable.Range(0, count).Select(i => $"e{i:D2}").ToList();
        await graph.CreateEntitiesAsync([.. names.Select(name => new GraphEntity(name, "node", [$"observation of {name}"]))], Ct);
        await graph.CreateRelationsAsync([.. names.Zip(names.Skip(1), (from, to) => new GraphRelation(from, to, "next"))], Ct);
        await graph.ReadGraphAsync(cancellationToken: Ct);
        return graph;
    }

    private static string Relation(string from, string to) => GraphKeys.Relation(KnowledgeGraph.DefaultRoot, new GraphRelation(from, to, "next"));

    private static bool Holds(GraphEntity entity, string query) =>
        new[] { entity.Name, entity.EntityType }.Concat(entity.Observations).Any(text => text.Contains(query, StringComparison.OrdinalIgnoreCase));

    /// <summary>What each read tool answers, on both graphs, is the same.</summary>
    private static async Task AssertSameAnswersAsync(KnowledgeGraph expected, KnowledgeGraph actual, string step)
    {
        var queries = new[] { "tea", "PERSON", "an", "anvils", "" };
        var names = new[] { "Alice", "Acme", "Bob", "Nobody" };
        Assert.True(Describe(await expected.ReadGraphAsync(cancellationToken: Ct)) == Describe(await actual.ReadGraphAsync(cancellationToken: Ct)), $"read_graph after {step}");
        Assert.True(Describe(await expected.ReadGraphAsync(1, 1, Ct)) == Describe(await actual.ReadGraphAsync(1, 1, Ct)), $"read_graph page after {step}");
        Assert.True(Describe(await expected.OpenNodesAsync(names, Ct)) == Describe(await actual.OpenNodesAsync(names, Ct)), $"open_nodes after {step}");
        foreach (var query in queries)
        {
            Assert.True(Describe(await expected.SearchNodesAsync(query, cancellationToken: Ct)) == Describe(await actual.SearchNodesAsync(query, cancellationToken: Ct)),
                $"search_nodes '{query}' after {step}");
        }
    }

    private static GraphText Describe(GraphView view) => new(
        [.. view.Entities.Select(e => $"{e.Name} ({e.EntityType}): {string.Join("; ", e.Observations)}")],
        [.. view.Relations.Select(r => $"{r.From} -{r.RelationType}-> {r.To}")],
        $"{view.Total}/{view.NextOffset}");

    /// <summary>A graph view as text, compared by value.</summary>
    private sealed record GraphText(IReadOnlyList<string> Entities, IReadOnlyList<string> Relations, string Paging)
    {
        public bool Equals(GraphText? other) =>
            other is not null && Entities.SequenceEqual(other.Entities) && Relations.SequenceEqual(other.Relations) && Paging == other.Paging;

        public override int GetHashCode() => Paging.GetHashCode(StringComparison.Ordinal);
    }
}
