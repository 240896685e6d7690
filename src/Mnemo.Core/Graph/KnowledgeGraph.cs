using System.Text.Json;
using Mnemo.Core.Errors;

namespace Mnemo.Core.Graph;

/// <summary>
/// A knowledge graph of entities, observations and relations kept as ordinary entries of the store under one
/// namespace, so that it is searchable, versioned and safe with several writers. It behaves as the reference MCP memory
/// server does (the same operations, the same answers), with ranking and paging on top.
/// </summary>
/// <remarks>
/// Every change to an entity is a write conditioned on the version read (<see cref="MemoryWrite.ExpectedVersion"/>),
/// retried when another writer got there first, so concurrent clients never lose each other's observations.
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
    private const int PageSize = 1000;

    private static long s_lastStamp;

    private readonly MnemoEngine _engine;
    private readonly string _root;
    private readonly string? _agent;

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

        var created = new List<GraphEntity>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            // Names are unique: the first of two entities of one name in a call wins. (The reference server stores both,
            // and then every later call finds two entities of that name; Mnemo keeps the graph consistent instead.)
            if (!seen.Add(entity.Name))
            {
                continue;
            }

            try
            {
                var stored = new StoredEntity(entity, 0, CreationStamp());
                await _engine.StoreAsync(EntityWrite(stored), cancellationToken).ConfigureAwait(false);
                created.Add(entity);
            }
            catch (MnemoConflictException)
            {
                // It exists already (perhaps created a moment ago by another client): not new.
            }
        }

        return created;
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
        var created = new List<GraphRelation>();
        foreach (var relation in relations.Distinct())
        {
            try
            {
                await _engine.StoreAsync(RelationWrite(relation), cancellationToken).ConfigureAwait(false);
                created.Add(relation);
            }
            catch (MnemoConflictException)
            {
            }
        }

        return created;
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
            var current = new Dictionary<string, StoredEntity>(StringComparer.Ordinal);
            foreach (var name in additions.Select(a => a.EntityName).Distinct())
            {
                current[name] = await ReadEntityAsync(name, cancellationToken).ConfigureAwait(false)
                    ?? throw MnemoErrors.EntityNotFound(name);
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
    public async Task DeleteEntitiesAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var doomed = names.ToHashSet(StringComparer.Ordinal);
        foreach (var relation in await ReadRelationsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (doomed.Contains(relation.From) || doomed.Contains(relation.To))
            {
                await ForgetIfPresentAsync(GraphKeys.Relation(_root, relation), cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var name in doomed)
        {
            await ForgetIfPresentAsync(GraphKeys.Entity(_root, name), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes observations from entities; entities or observations not in the graph are ignored.</summary>
    public async Task DeleteObservationsAsync(IReadOnlyList<GraphObservations> deletions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deletions);
        for (var attempt = 1; ; attempt++)
        {
            var changed = new Dictionary<string, StoredEntity>(StringComparer.Ordinal);
            foreach (var deletion in deletions)
            {
                var found = changed.TryGetValue(deletion.EntityName, out var known)
                    ? known
                    : await ReadEntityAsync(deletion.EntityName, cancellationToken).ConfigureAwait(false);
                if (found is null)
                {
                    continue;
                }

                var kept = found.Entity.Observations.Where(o => !deletion.Contents.Contains(o)).ToList();
                changed[deletion.EntityName] = found with { Entity = found.Entity with { Observations = kept } };
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
            await ForgetIfPresentAsync(GraphKeys.Relation(_root, relation), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The whole graph, entities in creation order; or, with <paramref name="limit"/>, a page of entities from
    /// <paramref name="offset"/> with the relations that start at them.
    /// </summary>
    public async Task<GraphView> ReadGraphAsync(int offset = 0, int? limit = null, CancellationToken cancellationToken = default)
    {
        CheckPage(offset, limit);
        var entities = await ReadEntitiesAsync(cancellationToken).ConfigureAwait(false);
        return limit is null && offset == 0
            ? new GraphView(entities, await ReadRelationsAsync(cancellationToken).ConfigureAwait(false))
            : await ViewAsync(entities, offset, limit, startingOnly: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Entities whose name, type or an observation contains <paramref name="query"/> (ignoring case), as the reference
    /// server finds them, best match first by hybrid search; when none contains it, the entities hybrid search finds for
    /// its words. Relations touching any of them come along. Paged like <see cref="ReadGraphAsync"/>.
    /// </summary>
    public async Task<GraphView> SearchNodesAsync(string query, int offset = 0, int? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckPage(offset, limit);
        var entities = await ReadEntitiesAsync(cancellationToken).ConfigureAwait(false);
        var byKey = entities.ToDictionary(e => GraphKeys.Entity(_root, e.Name), StringComparer.Ordinal);
        var ranked = query.Trim().Length == 0
            ? []
            : await _engine.SearchAsync(query, new SearchFilter { Prefix = GraphKeys.EntitiesPrefix(_root), Limit = 1000 }, cancellationToken)
                .ConfigureAwait(false);
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var hit in ranked)
        {
            if (byKey.TryGetValue(hit.Entry.Key, out var entity))
            {
                rank.TryAdd(entity.Name, rank.Count);
            }
        }

        var matches = entities.Where(e => Contains(e, query)).ToList();
        if (matches.Count == 0)
        {
            matches = entities.Where(e => rank.ContainsKey(e.Name)).ToList();
        }

        // Stable: entities that search did not rank keep their creation order after the ranked ones.
        var ordered = matches.OrderBy(e => rank.GetValueOrDefault(e.Name, int.MaxValue)).ToList();
        return await ViewAsync(ordered, offset, limit, startingOnly: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The named entities that exist, with every relation that starts or ends at one of them.</summary>
    public async Task<GraphView> OpenNodesAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        // Read by key, not by listing the graph: opening a few nodes costs the same in a graph of any size.
        var found = new List<StoredEntity>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (await ReadEntityAsync(name, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                found.Add(stored);
            }
        }

        var entities = found.OrderBy(stored => stored.CreatedTicks).ThenBy(stored => stored.Entity.Name, StringComparer.Ordinal)
            .Select(stored => stored.Entity).ToList();
        return await ViewAsync(entities, 0, null, startingOnly: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The page of <paramref name="entities"/> from <paramref name="offset"/> with the relations that start at its entities
    /// (<paramref name="startingOnly"/>, so that paging through the whole graph shows each relation once) or touch them.
    /// </summary>
    private async Task<GraphView> ViewAsync(List<GraphEntity> entities, int offset, int? limit, bool startingOnly, CancellationToken cancellationToken)
    {
        var page = entities.Skip(offset).Take(limit ?? int.MaxValue).ToList();
        var names = page.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var relations = (await ReadRelationsAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => names.Contains(r.From) || (!startingOnly && names.Contains(r.To)))
            .ToList();
        if (limit is null && offset == 0)
        {
            return new GraphView(page, relations);
        }

        return new GraphView(page, relations, entities.Count, offset + page.Count < entities.Count ? offset + page.Count : null);
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

    private async Task<StoredEntity?> ReadEntityAsync(string name, CancellationToken cancellationToken)
    {
        var entry = await _engine.GetAsync(GraphKeys.Entity(_root, name), cancellationToken).ConfigureAwait(false);
        return entry is null ? null : ToStored(entry);
    }

    private async Task<List<GraphEntity>> ReadEntitiesAsync(CancellationToken cancellationToken) =>
        (await ReadAllAsync(GraphKeys.EntitiesPrefix(_root), cancellationToken).ConfigureAwait(false))
            .Select(ToStored).OfType<StoredEntity>()
            .OrderBy(stored => stored.CreatedTicks).ThenBy(stored => stored.Entity.Name, StringComparer.Ordinal)
            .Select(stored => stored.Entity).ToList();

    private async Task<List<GraphRelation>> ReadRelationsAsync(CancellationToken cancellationToken) =>
        (await ReadAllAsync(GraphKeys.RelationsPrefix(_root), cancellationToken).ConfigureAwait(false))
            .OrderBy(entry => entry.CreatedAt).ThenBy(entry => entry.Sequence)
            .Select(ToRelation).OfType<GraphRelation>().ToList();

    private async Task<List<MemoryEntry>> ReadAllAsync(string prefix, CancellationToken cancellationToken)
    {
        var all = new List<MemoryEntry>();
        string? after = null;
        do
        {
            var page = await _engine.ListAsync(prefix, after, PageSize, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Entries);
            after = page.NextAfter;
        }
        while (after is not null);
        return all;
    }

    private async Task ForgetIfPresentAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _engine.ForgetAsync(key, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (MnemoException ex) when (ex.ErrorCode == MnemoErrorCode.NotFound)
        {
        }
    }

    private MemoryWrite EntityWrite(StoredEntity stored) => new()
    {
        Key = GraphKeys.Entity(_root, stored.Entity.Name),
        Kind = EntityKind,

        // The text is what full-text and vector search see: the name, the type and every observation.
        Text = string.Join('\n', [$"{stored.Entity.Name} ({stored.Entity.EntityType})", .. stored.Entity.Observations]),
        Metadata = Json(writer =>
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
        Metadata = Json(writer =>
        {
            writer.WriteString("from", relation.From);
            writer.WriteString("to", relation.To);
            writer.WriteString("relationType", relation.RelationType);
        }),
        Agent = _agent,
        ExpectedVersion = 0,
    };

    /// <summary>A JSON object whose properties <paramref name="write"/> writes.</summary>
    private static JsonElement Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static StoredEntity? ToStored(MemoryEntry entry)
    {
        if (ToEntity(entry) is not { } entity)
        {
            return null;
        }

        var ticks = entry.Metadata!.Value.TryGetProperty("createdTicks", out var created) && created.TryGetInt64(out var value)
            ? value
            : entry.CreatedAt.UtcTicks;
        return new StoredEntity(entity, entry.Version, ticks);
    }

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

    private static GraphEntity? ToEntity(MemoryEntry entry)
    {
        if (entry.Metadata is not { ValueKind: JsonValueKind.Object } metadata
            || !metadata.TryGetProperty("name", out var name) || !metadata.TryGetProperty("entityType", out var type))
        {
            return null;
        }

        var observations = metadata.TryGetProperty("observations", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(o => o.GetString() ?? "").ToList()
            : [];
        return new GraphEntity(name.GetString() ?? "", type.GetString() ?? "", observations);
    }

    private static GraphRelation? ToRelation(MemoryEntry entry) =>
        entry.Metadata is { ValueKind: JsonValueKind.Object } metadata
        && metadata.TryGetProperty("from", out var from) && metadata.TryGetProperty("to", out var to)
        && metadata.TryGetProperty("relationType", out var type)
            ? new GraphRelation(from.GetString() ?? "", to.GetString() ?? "", type.GetString() ?? "")
            : null;

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
