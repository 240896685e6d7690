using Mnemo.Core.Vectors.Internal;

namespace Mnemo.Core.Vectors;

public sealed unsafe partial class HnswIndex
{
    /// <summary>Replaces the vector stored under <paramref name="id"/>.</summary>
    /// <remarks>
    /// The old node is tombstoned and the new vector is inserted as a new node, linked at its new place; searches
    /// running meanwhile see either the old or the new vector, never a torn one. May trigger <see cref="Compact"/>.
    /// </remarks>
    /// <param name="id">An id in the index.</param>
    /// <param name="vector">The new vector, of <see cref="Dimensions"/> finite floats.</param>
    /// <returns><see langword="false"/> (and nothing changes) when the id is not in the index.</returns>
    public bool Update(long id, ReadOnlySpan<float> vector)
    {
        CheckVector(vector);
        lock (_writeLock)
        {
            ThrowIfDisposed();
            var node = UnmapId(id);
            if (node < 0)
            {
                return false;
            }

            Tombstone(node);
            AddCore(id, vector);
            CompactIfNeeded();
            return true;
        }
    }

    /// <summary>Removes the vector stored under <paramref name="id"/>; searches never return it afterwards.</summary>
    /// <remarks>
    /// The node becomes a tombstone, never returned again. Its live neighbours' lists that point back at it are
    /// repaired at once (re-selected among their other neighbours and the tombstone's neighbours); one-way links
    /// that remain still route through it. When tombstones reach <see cref="HnswOptions.CompactionThreshold"/> of
    /// the nodes, the index compacts and releases them.
    /// </remarks>
    /// <param name="id">The id to remove.</param>
    /// <returns><see langword="false"/> when the id was not in the index.</returns>
    public bool Remove(long id)
    {
        lock (_writeLock)
        {
            ThrowIfDisposed();
            var node = UnmapId(id);
            if (node < 0)
            {
                return false;
            }

            Tombstone(node);
            CompactIfNeeded();
            return true;
        }
    }

    /// <summary>
    /// Drops every tombstone: the neighbour lists that point at deleted nodes are repaired (the deleted neighbours
    /// are replaced by a heuristic selection among the live neighbours and the deleted neighbours' live neighbours),
    /// then live nodes are renumbered densely and the memory of the dropped ones is released.
    /// </summary>
    /// <remarks>Waits for running searches and holds new ones back while it runs.</remarks>
    public void Compact()
    {
        lock (_writeLock)
        {
            ThrowIfDisposed();
            CompactCore();
        }
    }

    /// <summary>Marks a node deleted (searches stop returning it at once), then repairs its neighbours' lists.</summary>
    private void Tombstone(int node)
    {
        var record = Address(node);
        Volatile.Write(ref record[_labelOffset + 9], (byte)(record[_labelOffset + 9] | DeletedFlag));
        MarkDirty(node);
        Volatile.Write(ref _deletedCount, _deletedCount + 1);
        switch (_space)
        {
            case SpaceKind.FloatDot:
                RepairNeighboursOf<FloatDotSpace>(node);
                break;
            case SpaceKind.FloatL2:
                RepairNeighboursOf<FloatL2Space>(node);
                break;
            case SpaceKind.Int8Dot:
                RepairNeighboursOf<Int8DotSpace>(node);
                break;
            default:
                RepairNeighboursOf<Int8L2Space>(node);
                break;
        }
    }

    private void CompactIfNeeded()
    {
        var threshold = _options.CompactionThreshold;
        if (threshold > 0 && _deletedCount >= 16 && _deletedCount >= threshold * _nodeCount)
        {
            CompactCore();
        }
    }

    private void CompactCore()
    {
        if (_deletedCount == 0)
        {
            return;
        }

        _structureLock.EnterWriteLock();
        try
        {
            switch (_space)
            {
                case SpaceKind.FloatDot:
                    RepairLinks<FloatDotSpace>();
                    break;
                case SpaceKind.FloatL2:
                    RepairLinks<FloatL2Space>();
                    break;
                case SpaceKind.Int8Dot:
                    RepairLinks<Int8DotSpace>();
                    break;
                default:
                    RepairLinks<Int8L2Space>();
                    break;
            }

            Renumber();
        }
        finally
        {
            _structureLock.ExitWriteLock();
        }
    }

    /// <summary>Rewrites every live list that holds a deleted node, so no live node points at a deleted one.</summary>
    private void RepairLinks<TSpace>()
        where TSpace : struct, IVectorSpace
    {
        var nodeCount = _nodeCount;
        for (var node = 0; node < nodeCount; node++)
        {
            var record = Address(node);
            if (IsDeleted(record))
            {
                continue;
            }

            for (var level = Level(record); level >= 0; level--)
            {
                RepairList<TSpace>(node, record, level);
            }
        }
    }

    /// <summary>
    /// After <paramref name="deleted"/> was tombstoned: repairs the lists of its live neighbours that link back to
    /// it, so searches stop routing through it (links are mostly bidirectional; the few one-way in-links that
    /// remain still route correctly through the tombstone until compaction).
    /// </summary>
    private void RepairNeighboursOf<TSpace>(int deleted)
        where TSpace : struct, IVectorSpace
    {
        var record = Address(deleted);
        for (var level = Level(record); level >= 0; level--)
        {
            var links = Links(record, level);
            var n = ListCount(links, level);
            for (var j = 1; j <= n; j++)
            {
                var neighbour = links[j];
                if ((uint)neighbour >= (uint)_nodeCount)
                {
                    continue;
                }

                var neighbourRecord = Address(neighbour);
                if (!IsDeleted(neighbourRecord))
                {
                    RepairList<TSpace>(neighbour, neighbourRecord, level);
                }
            }
        }
    }

    /// <summary>
    /// Re-selects a live node's list at one level when it holds deleted nodes: the candidates are its live
    /// neighbours plus the live neighbours of its deleted ones, chosen by the same heuristic as inserts. The ids
    /// are written before the count, so concurrent searches see a valid list. A list left without any live
    /// candidate is kept as it is (its tombstones still route).
    /// </summary>
    private void RepairList<TSpace>(int node, byte* record, int level)
        where TSpace : struct, IVectorSpace
    {
        var links = Links(record, level);
        var n = ListCount(links, level);
        var nodeCount = _nodeCount;
        var hasDeleted = false;
        for (var j = 1; j <= n && !hasDeleted; j++)
        {
            hasDeleted = (uint)links[j] >= (uint)nodeCount || IsDeleted(Address(links[j]));
        }

        if (!hasDeleted)
        {
            return;
        }

        var context = SearchContext.ForCurrentThread(_dimensions);
        context.EnsureScratch((_m0 * (_m0 + 1)) + 1);
        context.BeginTraversal(nodeCount);
        var visited = context.Visited;
        var generation = context.Generation;
        visited[node] = generation;
        var nodeQuery = TSpace.AsQuery(record, context.Query, _dimensions);
        var sorted = context.Sorted;
        var count = 0;
        for (var j = 1; j <= n; j++)
        {
            var neighbour = links[j];
            if ((uint)neighbour >= (uint)nodeCount)
            {
                continue;
            }

            var neighbourRecord = Address(neighbour);
            if (!IsDeleted(neighbourRecord))
            {
                if (visited[neighbour] != generation)
                {
                    visited[neighbour] = generation;
                    sorted[count++] = new NodeDistance(TSpace.Distance(nodeQuery, neighbourRecord, _dimensions), neighbour);
                }

                continue;
            }

            var second = Links(neighbourRecord, level);
            var secondCount = ListCount(second, level);
            for (var i = 1; i <= secondCount; i++)
            {
                var candidate = second[i];
                if ((uint)candidate >= (uint)nodeCount)
                {
                    continue;
                }

                var candidateRecord = Address(candidate);
                if (visited[candidate] != generation && !IsDeleted(candidateRecord))
                {
                    visited[candidate] = generation;
                    sorted[count++] = new NodeDistance(TSpace.Distance(nodeQuery, candidateRecord, _dimensions), candidate);
                }
            }
        }

        if (count == 0)
        {
            return;
        }

        sorted.AsSpan(0, count).Sort(static (a, b) => a.Distance.CompareTo(b.Distance));
        var kept = SelectNeighbours<TSpace>(context, count, level == 0 ? _m0 : _m);
        for (var j = 0; j < kept; j++)
        {
            links[1 + j] = context.Selected[j].Node;
        }

        Volatile.Write(ref links[0], kept);
        MarkDirty(node);
    }

    /// <summary>Moves live nodes down over the deleted ones, remaps every list and rebuilds the link pool.</summary>
    private void Renumber()
    {
        var nodeCount = _nodeCount;
        var map = new int[nodeCount];
        var live = 0;
        var oldEntry = _entry >= 0 ? (int)_entry : -1;
        for (var node = 0; node < nodeCount; node++)
        {
            map[node] = IsDeleted(Address(node)) ? -1 : live++;
        }

        var upper = new LinkPool();
        ForgetMappedIds();
        ClearIdMap(live);
        var best = -1;
        var bestLevel = -1;
        for (var node = 0; node < nodeCount; node++)
        {
            var target = map[node];
            if (target < 0)
            {
                continue;
            }

            var source = Address(node);
            var record = Address(target);
            var level = Level(source);
            if (record != source)
            {
                Buffer.MemoryCopy(source, record, _stride, _recordBytes);
            }

            RemapList((int*)(record + _linksOffset), map, _m0);
            if (level > 0)
            {
                var newUpper = upper.Allocate(level * (_m + 1));
                var listInts = _m + 1;
                for (var l = 0; l < level; l++)
                {
                    var from = Links(source, l + 1);
                    var to = upper.At(newUpper + (l * listInts));
                    new Span<int>(from, listInts).CopyTo(new Span<int>(to, listInts));
                    RemapList(to, map, _m);
                }

                *(int*)(record + _labelOffset + 12) = newUpper;
            }

            TryMapNode(target);
            if (level > bestLevel)
            {
                best = target;
                bestLevel = level;
            }
        }

        // The old entry point keeps its role when it is live (it holds the top level); otherwise the first live node
        // of the highest remaining level takes over.
        var entry = oldEntry >= 0 && map[oldEntry] >= 0
            ? PackEntry(map[oldEntry], Level(Address(map[oldEntry])))
            : PackEntry(best, bestLevel);

        _upper.Dispose();
        _upper = upper;
        _nodeCount = live;
        _deletedCount = 0;
        _entry = live == 0 ? -1 : entry;
        FreeSegments((live + _segmentMask) >> _segmentShift);

        // Node numbers changed: a delta of the saved file cannot say that, so the next save writes the whole file.
        NodesRenumbered();
    }

    private static void RemapList(int* list, int[] map, int max)
    {
        var n = Math.Clamp(list[0], 0, max);
        var kept = 0;
        for (var j = 1; j <= n; j++)
        {
            var target = (uint)list[j] < (uint)map.Length ? map[list[j]] : -1;
            if (target >= 0)
            {
                list[1 + kept++] = target;
            }
        }

        list[0] = kept;
    }
}
