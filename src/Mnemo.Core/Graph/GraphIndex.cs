using System.Text.Json;

namespace Mnemo.Core.Graph;

/// <summary>An entity of the in-memory view as stored: its key, the version read, when it was created, and when it expires.</summary>
internal sealed class EntityNode(string key, GraphEntity entity, long version, long createdTicks, DateTimeOffset? expiresAt)
{
    public string Key { get; } = key;

    public GraphEntity Entity { get; } = entity;

    public long Version { get; } = version;

    /// <summary>The creation stamp that orders entities (see <see cref="KnowledgeGraph"/>'s creation stamps).</summary>
    public long CreatedTicks { get; } = createdTicks;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    public bool IsVisibleAt(DateTimeOffset now) => ExpiresAt is not { } expires || expires > now;

    /// <summary>What a substring search looks in: the name, the type and every observation.</summary>
    public IEnumerable<string> Texts => [Entity.Name, Entity.EntityType, .. Entity.Observations];
}

/// <summary>A relation of the in-memory view as stored: its key, and the creation time and sequence that order relations.</summary>
internal sealed class RelationNode(string key, GraphRelation relation, DateTimeOffset createdAt, long sequence, DateTimeOffset? expiresAt)
{
    public string Key { get; } = key;

    public GraphRelation Relation { get; } = relation;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public long Sequence { get; } = sequence;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    public bool IsVisibleAt(DateTimeOffset now) => ExpiresAt is not { } expires || expires > now;
}

/// <summary>
/// The knowledge graph of one namespace held in memory, built from its entries and changed one entry at a time as the
/// store's change sequence reports them (<see cref="GraphFollower"/>): entities by key, in creation order and by the
/// sequences of their texts; relations by key, in creation order and by the names at their ends. Every question the
/// graph tools ask is a lookup here, so it costs what the answer holds, not what the graph holds.
/// </summary>
/// <remarks>Not thread-safe: <see cref="GraphFollower"/> lets one caller at a time use it.</remarks>
internal sealed class GraphIndex
{
    private readonly string _entitiesPrefix;
    private readonly string _relationsPrefix;
    private readonly Dictionary<string, EntityNode> _entities = new(StringComparer.Ordinal);
    private readonly SortedSet<EntityNode> _entityOrder = new(Comparer<EntityNode>.Create(CompareCreation));
    private readonly Dictionary<string, RelationNode> _relations = new(StringComparer.Ordinal);
    private readonly SortedSet<RelationNode> _relationOrder = new(Comparer<RelationNode>.Create(CompareCreation));
    private readonly Dictionary<string, HashSet<RelationNode>> _relationsByEnd = new(StringComparer.Ordinal);
    private readonly SubstringIndex<EntityNode> _texts = new();
    private int _expiring;

    /// <param name="root">The graph's namespace, ending in '/'.</param>
    public GraphIndex(string root)
    {
        _entitiesPrefix = GraphKeys.EntitiesPrefix(root);
        _relationsPrefix = GraphKeys.RelationsPrefix(root);
    }

    /// <summary>Entities in creation order (expired ones included: see <see cref="EntityNode.IsVisibleAt"/>).</summary>
    public IReadOnlyCollection<EntityNode> Entities => _entityOrder;

    /// <summary>Relations in creation order (expired ones included: see <see cref="RelationNode.IsVisibleAt"/>).</summary>
    public IReadOnlyCollection<RelationNode> Relations => _relationOrder;

    /// <summary>How many entries were applied to the view: equal counts on the same view mean the same graph.</summary>
    public long Changes { get; private set; }

    /// <summary>True when some entity or relation has an expiry time, so that counts must look at each.</summary>
    public bool HasExpiring => _expiring > 0;

    /// <summary>True when <paramref name="key"/> is one this view keeps.</summary>
    public bool Covers(string key) => key.StartsWith(_entitiesPrefix, StringComparison.Ordinal) || key.StartsWith(_relationsPrefix, StringComparison.Ordinal);

    /// <summary>The entity stored under <paramref name="key"/>, or null.</summary>
    public EntityNode? Entity(string key) => _entities.GetValueOrDefault(key);

    /// <summary>The relation stored under <paramref name="key"/>, or null.</summary>
    public RelationNode? Relation(string key) => _relations.GetValueOrDefault(key);

    /// <summary>The relations that start or end at the entity named <paramref name="name"/>.</summary>
    public IReadOnlyCollection<RelationNode> RelationsAt(string name) =>
        _relationsByEnd.TryGetValue(name, out var relations) ? relations : [];

    /// <summary>Entities that may contain <paramref name="query"/> ignoring case, or null when every entity may (<see cref="SubstringIndex{T}.Candidates"/>).</summary>
    public IReadOnlyCollection<EntityNode>? SubstringCandidates(string query) => _texts.Candidates(query);

    /// <summary>Sorts relations as <see cref="Relations"/> lists them.</summary>
    public static void SortInCreationOrder(List<RelationNode> relations) => relations.Sort(CompareCreation);

    /// <summary>Makes the view hold <paramref name="entry"/> as the current state of <paramref name="key"/>, or nothing when null.</summary>
    public void Apply(string key, MemoryEntry? entry)
    {
        Changes++;
        if (key.StartsWith(_entitiesPrefix, StringComparison.Ordinal))
        {
            RemoveEntity(key);
            if (entry is not null && ToEntity(entry) is { } node)
            {
                AddEntity(node);
            }
        }
        else if (key.StartsWith(_relationsPrefix, StringComparison.Ordinal))
        {
            RemoveRelation(key);
            if (entry is not null && ToRelation(entry) is { } node)
            {
                AddRelation(node);
            }
        }
    }

    /// <summary>The entity an entry holds, or null when its metadata does not describe one.</summary>
    public static EntityNode? ToEntity(MemoryEntry entry)
    {
        if (entry.Metadata is not { ValueKind: JsonValueKind.Object } metadata
            || !metadata.TryGetProperty("name", out var name) || !metadata.TryGetProperty("entityType", out var type))
        {
            return null;
        }

        var observations = metadata.TryGetProperty("observations", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(o => o.GetString() ?? "").ToList()
            : [];
        var ticks = metadata.TryGetProperty("createdTicks", out var created) && created.TryGetInt64(out var value)
            ? value
            : entry.CreatedAt.UtcTicks;
        return new EntityNode(entry.Key, new GraphEntity(name.GetString() ?? "", type.GetString() ?? "", observations), entry.Version, ticks, entry.ExpiresAt);
    }

    /// <summary>The relation an entry holds, or null when its metadata does not describe one.</summary>
    public static RelationNode? ToRelation(MemoryEntry entry) =>
        entry.Metadata is { ValueKind: JsonValueKind.Object } metadata
        && metadata.TryGetProperty("from", out var from) && metadata.TryGetProperty("to", out var to)
        && metadata.TryGetProperty("relationType", out var type)
            ? new RelationNode(entry.Key, new GraphRelation(from.GetString() ?? "", to.GetString() ?? "", type.GetString() ?? ""),
                entry.CreatedAt, entry.Sequence, entry.ExpiresAt)
            : null;

    private void AddEntity(EntityNode node)
    {
        _entities[node.Key] = node;
        _entityOrder.Add(node);
        _texts.Add(node, node.Texts);
        _expiring += node.ExpiresAt is null ? 0 : 1;
    }

    private void RemoveEntity(string key)
    {
        if (_entities.Remove(key, out var node))
        {
            _entityOrder.Remove(node);
            _texts.Remove(node, node.Texts);
            _expiring -= node.ExpiresAt is null ? 0 : 1;
        }
    }

    private void AddRelation(RelationNode node)
    {
        _relations[node.Key] = node;
        _relationOrder.Add(node);
        foreach (var end in (string[])[node.Relation.From, node.Relation.To])
        {
            if (!_relationsByEnd.TryGetValue(end, out var relations))
            {
                relations = new HashSet<RelationNode>(ReferenceEqualityComparer.Instance);
                _relationsByEnd[end] = relations;
            }

            relations.Add(node);
        }

        _expiring += node.ExpiresAt is null ? 0 : 1;
    }

    private void RemoveRelation(string key)
    {
        if (!_relations.Remove(key, out var node))
        {
            return;
        }

        _relationOrder.Remove(node);
        foreach (var end in (string[])[node.Relation.From, node.Relation.To])
        {
            if (_relationsByEnd.TryGetValue(end, out var relations) && relations.Remove(node) && relations.Count == 0)
            {
                _relationsByEnd.Remove(end);
            }
        }

        _expiring -= node.ExpiresAt is null ? 0 : 1;
    }

    // Entities in the order they were created (ties by name, then key, so that no two nodes compare equal).
    private static int CompareCreation(EntityNode? a, EntityNode? b)
    {
        var order = a!.CreatedTicks.CompareTo(b!.CreatedTicks);
        order = order != 0 ? order : string.CompareOrdinal(a.Entity.Name, b.Entity.Name);
        return order != 0 ? order : string.CompareOrdinal(a.Key, b.Key);
    }

    // Relations as the store orders their entries: by creation time, then by the sequence of the current version.
    private static int CompareCreation(RelationNode? a, RelationNode? b)
    {
        var order = a!.CreatedAt.CompareTo(b!.CreatedAt);
        order = order != 0 ? order : a.Sequence.CompareTo(b.Sequence);
        return order != 0 ? order : string.CompareOrdinal(a.Key, b.Key);
    }
}
