using Mnemo.Core.Coordination;
using Mnemo.Core.Entries;
using Mnemo.Core.Errors;

namespace Mnemo.Core.Graph;

/// <summary>
/// A knowledge graph of entities, observations and relations kept as ordinary entries of the store under one
/// namespace, so that it is searchable, versioned and safe with several writers. It behaves as the reference MCP memory
/// server does (the same operations, the same answers), with ranking and paging on top.
/// </summary>
/// <remarks>
/// Every change to an entity is a write conditioned on the version read (<see cref="MemoryWrite.ExpectedVersion"/>),
/// retried when another writer got there first, so concurrent clients never lose each other's observations. Reads are
/// answered from an in-memory view of the graph's entries, brought up to date from the store's change sequence before
/// each call (<see cref="GraphFollower"/>), so that they see every write, from any process, and cost what the answer
/// holds rather than what the graph holds.
/// </remarks>
public sealed class KnowledgeGraph
{
    /// <summary>The namespace used when none is configured.</summary>
    public const string DefaultRoot = "graph/";

    /// <summary>The entry kind of an entity.</summary>
    public const string EntityKind = "entity";

    /// <summary>The entry kind of a relation.</summary>
    public const string RelationKind = "relation";

    // How often a conditional write is retried after losing a race before giving up.
    private const int MaxAttempts = 20;

    private static long s_lastStamp;

    private readonly MnemoEngine _engine;
    private readonly string _root;
    private readonly string? _agent;
    private readonly GraphFollower _follower;

    // The last whole graph read, with the view and the view's change count it was read at (changed under the view's lease).
    private (GraphIndex Index, long Changes, GraphView View)? _wholeGraph;

    /// <param name="engine">The engine whose store holds the graph.</param>
    /// <param name="root">The namespace of the graph, ending in '/': <see cref="DefaultRoot"/> by default.</param>
    /// <param name="agent">Recorded as the writer of every change, when given.</param>
    public KnowledgeGraph(MnemoEngine engine, string root = DefaultRoot, string? agent = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ValidateRoot(root);
        _engine = engine;
        _root = root;
        _agent = agent;
        _follower = new GraphFollower(engine, root);
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="root"/> cannot be the graph's namespace.</summary>
    public static void ValidateRoot(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root.Length == 0 || !root.EndsWith('/') || !Keys.MemoryKey.IsValid(root + "x"))
        {
            throw new ArgumentException($"graph namespace {UserValue.Quote(root)} is not a key prefix ending in '/': use for example 'graph/'", nameof(root));
        }
    }

    /// <summary>The namespace the graph lives under.</summary>
    public string Root => _root;

    /// <summary>Creates the entities whose names are not in the graph yet; returns those it created.</summary>
    public async Task<IReadOnlyList<GraphEntity>> CreateEntitiesAsync(IReadOnlyList<GraphEntity> entities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entities);
        foreach (var entity in entities)
        {
            Check(entity);
        }

        // Names are unique: the first of two entities of one name in a call wins. (The reference server stores both,
        // and then every later call finds two entities of that name; Mnemo keeps the graph consistent instead.)
        var distinct = entities.DistinctBy(entity => entity.Name, StringComparer.Ordinal).ToList();
        List<GraphEntity> fresh;
        using (var lease = await _follower.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = _engine.CurrentTime;
            fresh = distinct.Where(entity => lease.Index.Entity(GraphKeys.Entity(_root, entity.Name)) is not { } node || !node.IsVisibleAt(now)).ToList();
        }

        return await CreateAllOrEachAsync(fresh, entity => EntityWrite(new StoredEntity(entity, 0, CreationStamp())), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Creates the relations not in the graph yet; returns those it created.</summary>
    public async Task<IReadOnlyList<GraphRelation>> CreateRelationsAsync(IReadOnlyList<GraphRelation> relations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(relations);
        foreach (var relation in relations)
        {
            Check(relation);
        }

        // A relation is stored once, even when a call repeats it (the reference server would store it twice).
        List<GraphRelation> fresh;
        using (var lease = await _follower.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = _engine.CurrentTime;
            fresh = relations.Distinct()
                .Where(relation => lease.Index.Relation(GraphKeys.Relation(_root, relation)) is not { } node || !node.IsVisibleAt(now))
                .ToList();
        }

        return await CreateAllOrEachAsync(fresh, RelationWrite, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds observations to existing entities, skipping those an entity has already; returns what was added to each.
    /// When any entity does not exist nothing is added.
    /// </summary>
    /// <exception cref="MnemoException">An entity does not exist (<see cref="MnemoErrorCode.NotFound"/>).</exception>
    public async Task<IReadOnlyList<(string EntityName, IReadOnlyList<string> AddedObservations)>> AddObservationsAsync(
        IReadOnlyList<GraphObservations> additions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(additions);
        foreach (var addition in additions)
        {
            CheckName(addition.EntityName, "entityName");
            CheckTexts(addition.Contents, "contents");
        }

        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadEntitiesAsync(additions.Select(a => a.EntityName), cancellationToken).ConfigureAwait(false);
            if (additions.FirstOrDefault(a => !current.ContainsKey(a.EntityName)) is { } missing)
            {
                throw MnemoErrors.EntityNotFound(missing.EntityName);
            }

            var results = new List<(string, IReadOnlyList<string>)>();
            foreach (var addition in additions)
            {
                var stored = current[addition.EntityName];
                var added = addition.Contents.Where(content => !stored.Entity.Observations.Contains(content)).ToList();
                current[addition.EntityName] = stored with { Entity = stored.Entity with { Observations = [.. stored.Entity.Observations, .. added] } };
                results.Add((addition.EntityName, added));
            }

            if (await TryWriteAllAsync(current.Values, attempt, cancellationToken).ConfigureAwait(false))
            {
                return results;
            }
        }
    }

    /// <summary>Deletes entities and every relation that starts or ends at them; names not in the graph are ignored.</summary>
    /// <remarks>Touches only what goes: the relations are found by their ends, and everything is removed in one transaction.</remarks>
    public async Task DeleteEntitiesAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var doomed = new List<string>();
        using (var lease = await _follower.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = _engine.CurrentTime;
            foreach (var name in names.Distinct(StringComparer.Ordinal))
            {
                doomed.AddRange(lease.Index.RelationsAt(name).Where(relation => relation.IsVisibleAt(now)).Select(relation => relation.Key));
                if (lease.Index.Entity(GraphKeys.Entity(_root, name)) is { } entity && entity.IsVisibleAt(now))
                {
                    doomed.Add(entity.Key);
                }
            }
        }

        await _engine.ForgetCurrentAsync([.. doomed.Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes observations from entities; entities or observations not in the graph are ignored.</summary>
    public async Task DeleteObservationsAsync(IReadOnlyList<GraphObservations> deletions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deletions);
        for (var attempt = 1; ; attempt++)
        {
            var changed = await ReadEntitiesAsync(deletions.Select(d => d.EntityName), cancellationToken).ConfigureAwait(false);
            foreach (var deletion in deletions)
            {
                if (changed.TryGetValue(deletion.EntityName, out var found))
                {
                    var kept = found.Entity.Observations.Where(o => !deletion.Contents.Contains(o)).ToList();
                    changed[deletion.EntityName] = found with { Entity = found.Entity with { Observations = kept } };
                }
            }

            if (await TryWriteAllAsync(changed.Values, attempt, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Deletes relations; relations not in the graph are ignored.</summary>
    public async Task DeleteRelationsAsync(IReadOnlyList<GraphRelation> relations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(relations);
        foreach (var relation in relations)
        {
            Check(relation);
        }

        var doomed = new List<string>();
        using (var lease = await _follower.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = _engine.CurrentTime;
            doomed.AddRange(relations.Select(relation => lease.Index.Relation(GraphKeys.Relation(_root, relation)))
                .OfType<RelationNode>().Where(node => node.IsVisibleAt(now)).Select(node => node.Key).Distinct(StringComparer.Ordinal));
        }

        await _engine.ForgetCurrentAsync(doomed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The whole graph, entities in creation order; or, with <paramref name="limit"/>, a page of entities from
    /// <paramref name="offset"/> with the relations that start at them.
    /// </summary>
    public async Task<GraphView> ReadGraphAsync(int offset = 0, int? limit = null, CancellationToken cancellationToken = default)
    {
        CheckPage(offset, limit);
        var rules = await ReadRulesAsync(cancellationToken).ConfigureAwait(false);
        using var lease = await _follower.EnterAsync(cancellationToken).ConfigureAwait(false);
        var now = _engine.CurrentTime;
        var entities = lease.Index.Entities.Where(node => node.IsVisibleAt(now) && _engine.MayRead(rules, node.Key));
        if (limit is null && offset == 0)
        {
            // An unchanged graph read again is the same answer, handed out again so that a face can reuse what it made of
            // it (the MCP server renders it once). Only when the answer depends on nothing but the graph: no expiry, no rules.
            var reusable = rules.IsOpen && !lease.Index.HasExpiring;
            if (reusable && _wholeGraph is { } last && last.Index == lease.Index && last.Changes == lease.Index.Changes)
            {
                return last.View;
            }

            var relations = lease.Index.Relations.Where(node => node.IsVisibleAt(now) && _engine.MayRead(rules, node.Key)).Select(node => node.Relation);
            var whole = new GraphView([.. entities.Select(node => node.Entity)], [.. relations]);
            _wholeGraph = reusable ? (lease.Index, lease.Index.Changes, whole) : null;
            return whole;
        }

        // The count needs a look at each entity only when some may be hidden (expired, or not readable by this caller).
        var total = lease.Index.HasExpiring || !rules.IsOpen ? entities.Count() : lease.Index.Entities.Count;
        return View(lease.Index, rules, now, [.. entities.Skip(offset).Take(limit ?? int.MaxValue)], offset, limit, total, startingOnly: true);
    }

    /// <summary>
    /// Entities whose name, type or an observation contains <paramref name="query"/> (ignoring case), as the reference
    /// server finds them, best match first (see <see cref="Rank"/>); when none contains it, the entities hybrid search
    /// finds for its words or meaning, best first. Relations touching any of them come along. Paged like
    /// <see cref="ReadGraphAsync"/>.
    /// </summary>
    /// <remarks>
    /// The matches are found in the in-memory view through its index of three-character sequences, so a search costs
    /// about what its answer holds; a query of one or two characters looks at every entity of the view.
    /// </remarks>
    public async Task<GraphView> SearchNodesAsync(string query, int offset = 0, int? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckPage(offset, limit);
        var rules = await ReadRulesAsync(cancellationToken).ConfigureAwait(false);
        using (var lease = await _follower.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = _engine.CurrentTime;
            var matches = (lease.Index.SubstringCandidates(query) ?? lease.Index.Entities)
                .Where(node => Contains(node.Entity, query) && node.IsVisibleAt(now) && _engine.MayRead(rules, node.Key))
                .ToList();
            if (matches.Count > 0 || query.Trim().Length == 0)
            {
                var ranked = Rank(matches, query);
                return View(lease.Index, rules, now, Page(ranked, offset, limit), offset, limit, ranked.Count, startingOnly: false);
            }
        }

        // No entity holds the query as written: the entities search finds for its words or meaning, best first.
        var hits = await _engine.SearchAsync(query, new SearchFilter { Prefix = GraphKeys.EntitiesPrefix(_root), Limit = 1000 }, cancellationToken)
            .ConfigureAwait(false);
        using (var lease = await _follower.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = _engine.CurrentTime;
            var found = hits.Select(hit => lease.Index.Entity(hit.Entry.Key)).OfType<EntityNode>()
                .Where(node => node.IsVisibleAt(now)).Distinct().ToList();
            return View(lease.Index, rules, now, Page(found, offset, limit), offset, limit, found.Count, startingOnly: false);
        }
    }

    /// <summary>The named entities that exist, with every relation that starts or ends at one of them.</summary>
    public async Task<GraphView> OpenNodesAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var rules = await ReadRulesAsync(cancellationToken).ConfigureAwait(false);
        var keys = names.Distinct(StringComparer.Ordinal).Select(name => GraphKeys.Entity(_root, name)).ToList();
        foreach (var key in keys)
        {
            _engine.DemandRead(rules, key);
        }

        // Looked up by key in the view: opening a few nodes costs the same in a graph of any size.
        using var lease = await _follower.EnterAsync(cancellationToken).ConfigureAwait(false);
        var now = _engine.CurrentTime;
        var found = keys.Select(lease.Index.Entity).OfType<EntityNode>().Where(node => node.IsVisibleAt(now))
            .OrderBy(node => node.CreatedTicks).ThenBy(node => node.Entity.Name, StringComparer.Ordinal).ToList();
        return View(lease.Index, rules, now, found, 0, null, found.Count, startingOnly: false);
    }

    /// <summary>
    /// Substring matches, best first: the entity named exactly so, then those whose name contains the query, then by how
    /// many of their observations contain it, then those whose type contains it; ties in creation order.
    /// </summary>
    private static List<EntityNode> Rank(List<EntityNode> matches, string query) =>
        [.. matches
            .OrderByDescending(node => node.Entity.Name.Equals(query, StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(node => node.Entity.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(node => node.Entity.Observations.Count(o => o.Contains(query, StringComparison.OrdinalIgnoreCase)))
            .ThenByDescending(node => node.Entity.EntityType.Contains(query, StringComparison.OrdinalIgnoreCase))
            .ThenBy(node => node.CreatedTicks).ThenBy(node => node.Entity.Name, StringComparer.Ordinal)];

    private static List<EntityNode> Page(List<EntityNode> entities, int offset, int? limit) =>
        [.. entities.Skip(offset).Take(limit ?? int.MaxValue)];

    /// <summary>
    /// A view of <paramref name="page"/> (entities <paramref name="offset"/> on of <paramref name="total"/>) with the relations
    /// that start at its entities (<paramref name="startingOnly"/>, so that paging through the whole graph shows each
    /// relation once) or touch them, in creation order: found by their ends, not by reading every relation.
    /// </summary>
    private GraphView View(GraphIndex index, AccessRules rules, DateTimeOffset now, List<EntityNode> page, int offset, int? limit, int total, bool startingOnly)
    {
        var names = page.Select(node => node.Entity.Name).ToHashSet(StringComparer.Ordinal);
        var relations = names.SelectMany(index.RelationsAt).Distinct()
            .Where(node => names.Contains(node.Relation.From) || (!startingOnly && names.Contains(node.Relation.To)))
            .Where(node => node.IsVisibleAt(now) && _engine.MayRead(rules, node.Key))
            .ToList();
        GraphIndex.SortInCreationOrder(relations);
        var view = new GraphView([.. page.Select(node => node.Entity)], [.. relations.Select(node => node.Relation)]);
        return limit is null && offset == 0
            ? view
            : view with { Total = total, NextOffset = offset + page.Count < total ? offset + page.Count : null };
    }

    /// <summary>The access rules to filter reads with; throws when the caller may read no entity or no relation of the graph.</summary>
    private async Task<AccessRules> ReadRulesAsync(CancellationToken cancellationToken)
    {
        await _engine.ReadRulesUnderAsync(GraphKeys.RelationsPrefix(_root), cancellationToken).ConfigureAwait(false);
        return await _engine.ReadRulesUnderAsync(GraphKeys.EntitiesPrefix(_root), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The named entities that exist (a name may come more than once), as the view holds them; the caller must be able to read each.</summary>
    private async Task<Dictionary<string, StoredEntity>> ReadEntitiesAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var keys = names.Distinct(StringComparer.Ordinal).Select(name => (Name: name, Key: GraphKeys.Entity(_root, name))).ToList();
        var rules = await _engine.ReadRulesUnderAsync(GraphKeys.EntitiesPrefix(_root), cancellationToken).ConfigureAwait(false);
        foreach (var (_, key) in keys)
        {
            _engine.DemandRead(rules, key);
        }

        var found = new Dictionary<string, StoredEntity>(StringComparer.Ordinal);
        using var lease = await _follower.EnterAsync(cancellationToken).ConfigureAwait(false);
        var now = _engine.CurrentTime;
        foreach (var (name, key) in keys)
        {
            if (lease.Index.Entity(key) is { } node && node.IsVisibleAt(now))
            {
                found[name] = new StoredEntity(node.Entity, node.Version, node.CreatedTicks);
            }
        }

        return found;
    }

    /// <summary>
    /// Creates every item in one transaction; when one of them exists already (another client created it since the view
    /// was read), creates them one by one instead and returns those that were new.
    /// </summary>
    private async Task<IReadOnlyList<T>> CreateAllOrEachAsync<T>(List<T> items, Func<T, MemoryWrite> write, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return [];
        }

        try
        {
            await _engine.StoreManyAsync([.. items.Select(write)], cancellationToken).ConfigureAwait(false);
            return items;
        }
        catch (MnemoConflictException)
        {
        }

        var created = new List<T>();
        foreach (var item in items)
        {
            try
            {
                await _engine.StoreAsync(write(item), cancellationToken).ConfigureAwait(false);
                created.Add(item);
            }
            catch (MnemoConflictException)
            {
                // It exists already (perhaps created a moment ago by another client): not new.
            }
        }

        return created;
    }

    private static bool Contains(GraphEntity entity, string query) =>
        entity.Name.Contains(query, StringComparison.OrdinalIgnoreCase)
        || entity.EntityType.Contains(query, StringComparison.OrdinalIgnoreCase)
        || entity.Observations.Any(o => o.Contains(query, StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes changed entities, each only if still at the version read; false when another writer got there first.</summary>
    private async Task<bool> TryWriteAllAsync(IEnumerable<StoredEntity> changes, int attempt, CancellationToken cancellationToken)
    {
        var writes = changes.Select(EntityWrite).ToList();
        if (writes.Count == 0)
        {
            return true;
        }

        try
        {
            await _engine.StoreManyAsync(writes, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (MnemoConflictException) when (attempt < MaxAttempts)
        {
            return false;
        }
    }

    private MemoryWrite EntityWrite(StoredEntity stored) => new()
    {
        Key = GraphKeys.Entity(_root, stored.Entity.Name),
        Kind = EntityKind,

        // The text is what full-text and vector search see: the name, the type and every observation.
        Text = string.Join('\n', [$"{stored.Entity.Name} ({stored.Entity.EntityType})", .. stored.Entity.Observations]),
        Metadata = JsonObjects.Build(writer =>
        {
            writer.WriteString("name", stored.Entity.Name);
            writer.WriteString("entityType", stored.Entity.EntityType);
            writer.WriteStartArray("observations");
            foreach (var observation in stored.Entity.Observations)
            {
                writer.WriteStringValue(observation);
            }

            writer.WriteEndArray();
            writer.WriteNumber("createdTicks", stored.CreatedTicks);
        }),
        Agent = _agent,
        ExpectedVersion = stored.Version,
    };

    private MemoryWrite RelationWrite(GraphRelation relation) => new()
    {
        Key = GraphKeys.Relation(_root, relation),
        Kind = RelationKind,
        Text = $"{relation.From} {relation.RelationType} {relation.To}",
        Metadata = JsonObjects.Build(writer =>
        {
            writer.WriteString("from", relation.From);
            writer.WriteString("to", relation.To);
            writer.WriteString("relationType", relation.RelationType);
        }),
        Agent = _agent,
        ExpectedVersion = 0,
    };

    // Creation order must survive later versions and ties within a millisecond: a tick count taken at creation, kept
    // in the entity's metadata and never increasing backwards within this process.
    private static long CreationStamp()
    {
        var now = DateTime.UtcNow.Ticks;
        long last, next;
        do
        {
            last = Interlocked.Read(ref s_lastStamp);
            next = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref s_lastStamp, next, last) != last);
        return next;
    }

    private static void Check(GraphEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        CheckName(entity.Name, "name");
        CheckName(entity.EntityType, "entityType");
        CheckTexts(entity.Observations, "observations");
    }

    private static void Check(GraphRelation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        CheckName(relation.From, "from");
        CheckName(relation.To, "to");
        CheckName(relation.RelationType, "relationType");
    }

    private static void CheckName(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is empty: give a non-empty name", field);
        }
    }

    private static void CheckTexts(IReadOnlyList<string>? values, string field)
    {
        if (values is null)
        {
            throw new ArgumentException($"{field} is missing: give an array of strings (it may be empty)", field);
        }
    }

    private static void CheckPage(int offset, int? limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (limit is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "limit must be between 1 and 10000");
        }
    }

    /// <summary>An entity as stored: the version it was read at (0 when new) and when it was created.</summary>
    private sealed record StoredEntity(GraphEntity Entity, long Version, long CreatedTicks);
}
