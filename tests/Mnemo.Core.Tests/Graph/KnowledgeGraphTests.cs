using Mnemo.Core.Graph;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Graph;

public sealed class KnowledgeGraphTests : EngineTestBase
{
    [Fact]
    public async Task AddObservations_TwoWritersOnOneFileAtOnce_LoseNothing()
    {
        var graph = new KnowledgeGraph(Engine);
        await graph.CreateEntitiesAsync([new GraphEntity("Alice", "person", [])], Ct);
        var other = await OpenAsync();
        await using var otherScope = other;
        var otherGraph = new KnowledgeGraph(other);

        // Each writer adds its own observations one call at a time, both at once, to the same entity.
        async Task AddAsync(KnowledgeGraph writer, string who)
        {
            for (var i = 0; i < 25; i++)
            {
                await writer.AddObservationsAsync([new GraphObservations("Alice", [$"{who} {i}"])], Ct);
            }
        }

        await Task.WhenAll(Task.Run(() => AddAsync(graph, "first"), Ct), Task.Run(() => AddAsync(otherGraph, "second"), Ct));

        var alice = Assert.Single((await graph.OpenNodesAsync(["Alice"], Ct)).Entities);
        Assert.Equal(50, alice.Observations.Count);
        Assert.Equal(50, alice.Observations.Distinct().Count());
    }

    [Fact]
    public async Task CreateEntities_SameNameFromTwoWritersAtOnce_CreatesItOnce()
    {
        var other = await OpenAsync();
        await using var otherScope = other;
        var graphs = new[] { new KnowledgeGraph(Engine), new KnowledgeGraph(other) };

        var created = await Task.WhenAll(graphs.Select(g =>
            Task.Run(() => g.CreateEntitiesAsync([new GraphEntity("Shared", "thing", ["from a writer"])], Ct), Ct)));

        Assert.Equal(1, created.Sum(list => list.Count));
        Assert.Single((await graphs[0].ReadGraphAsync(cancellationToken: Ct)).Entities);
    }

    [Theory]
    [InlineData("Ada Lovelace")]
    [InlineData("a/b\\c")]
    [InlineData("日本語の名前")]
    [InlineData("..")]
    [InlineData("emoji 🙂 name")]
    public async Task Entities_AnyName_RoundTrips(string name)
    {
        var graph = new KnowledgeGraph(Engine);

        await graph.CreateEntitiesAsync([new GraphEntity(name, "thing", ["x"])], Ct);
        await graph.CreateRelationsAsync([new GraphRelation(name, name, "is")], Ct);

        var view = await graph.OpenNodesAsync([name], Ct);
        Assert.Equal(name, Assert.Single(view.Entities).Name);
        Assert.Equal(new GraphRelation(name, name, "is"), Assert.Single(view.Relations));
    }

    [Fact]
    public async Task Entities_VeryLongNames_StayDistinct()
    {
        var graph = new KnowledgeGraph(Engine);
        var a = new string('a', 300) + "1";
        var b = new string('a', 300) + "2";

        await graph.CreateEntitiesAsync([new GraphEntity(a, "t", []), new GraphEntity(b, "t", [])], Ct);

        Assert.Equal(2, (await graph.ReadGraphAsync(cancellationToken: Ct)).Entities.Count);
    }

    [Fact]
    public async Task Graph_UnderAnotherNamespace_IsSeparate()
    {
        await new KnowledgeGraph(Engine, "team-a/graph/").CreateEntitiesAsync([new GraphEntity("Alice", "person", [])], Ct);

        Assert.Empty((await new KnowledgeGraph(Engine).ReadGraphAsync(cancellationToken: Ct)).Entities);
        Assert.NotNull(await Engine.GetAsync("team-a/graph/entities/Alice", Ct));
        Assert.Throws<ArgumentException>(() => new KnowledgeGraph(Engine, "no-slash"));
    }
}
