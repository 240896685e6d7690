namespace Mnemo.Core.Graph;

/// <summary>A node of the knowledge graph: a named thing of some type, with what is known about it.</summary>
/// <param name="Name">The entity's name, unique in the graph.</param>
/// <param name="EntityType">What kind of thing it is ("person", "project").</param>
/// <param name="Observations">Facts about it, one sentence each, in the order they were added.</param>
public sealed record GraphEntity(string Name, string EntityType, IReadOnlyList<string> Observations);

/// <summary>A directed edge of the knowledge graph, in active voice ("Alice" "works_at" "Acme").</summary>
/// <param name="From">The name of the entity it starts at.</param>
/// <param name="To">The name of the entity it points to.</param>
/// <param name="RelationType">What the relation says.</param>
public sealed record GraphRelation(string From, string To, string RelationType);

/// <summary>Observations to add to, or delete from, one entity.</summary>
/// <param name="EntityName">The entity's name.</param>
/// <param name="Contents">The observations.</param>
public sealed record GraphObservations(string EntityName, IReadOnlyList<string> Contents);

/// <summary>A part of the graph: entities and the relations that touch them.</summary>
/// <param name="Entities">The entities, in the order asked for (creation order, or best match first for a search).</param>
/// <param name="Relations">Relations with at least one end among <paramref name="Entities"/> (all relations for a whole graph).</param>
/// <param name="Total">How many entities there are in all when the view is a page, else null.</param>
/// <param name="NextOffset">The offset of the next page, or null when there is none or the view is not paged.</param>
public sealed record GraphView(IReadOnlyList<GraphEntity> Entities, IReadOnlyList<GraphRelation> Relations, int? Total = null, int? NextOffset = null);
