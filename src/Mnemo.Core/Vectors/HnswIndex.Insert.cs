using Mnemo.Core.Vectors.Internal;

namespace Mnemo.Core.Vectors;

public sealed unsafe partial class HnswIndex
{
    /// <summary>Adds a vector under a new id.</summary>
    /// <param name="id">The caller's id; must not be in the index yet.</param>
    /// <param name="vector">The vector, of <see cref="Dimensions"/> finite floats (copied).</param>
    /// <exception cref="ArgumentException">The id is present, or the vector has the wrong length or a non-finite value.</exception>
    public void Add(long id, ReadOnlySpan<float> vector)
    {
        CheckVector(vector);
        lock (_writeLock)
        {
            ThrowIfDisposed();
            if (FindNode(id) >= 0)
            {
                throw new ArgumentException($"id {id} is already in the index; use Update to replace its vector", nameof(id));
            }

            AddCore(id, vector);
        }
    }

    private void CheckVector(ReadOnlySpan<float> vector)
    {
        CheckDimensions(vector, nameof(vector));
        foreach (var x in vector)
        {
            if (!float.IsFinite(x))
            {
                throw new ArgumentException("the vector holds a NaN or infinite value", nameof(vector));
            }
        }
    }

    /// <summary>Inserts a node; the caller holds the write lock and has checked the id and vector.</summary>
    private void AddCore(long id, ReadOnlySpan<float> vector)
    {
        var node = _nodeCount;
        EnsureCapacity(node + 1);
        var context = SearchContext.ForCurrentThread(_dimensions);
        var level = WriteNode(context, node, id, vector);
        LinkNode(context, node, level, node);
        Publish(node, level);
    }

    /// <summary>
    /// Writes a new node's record (vector, id, level, empty lists) without linking or publishing it; leaves the
    /// prepared vector in <see cref="SearchContext.Query"/>. The caller holds the write lock and has made room.
    /// </summary>
    private int WriteNode(SearchContext context, int node, long id, ReadOnlySpan<float> vector)
    {
        var level = RandomLevel();
        var record = Address(node);
        PrepareQuery(vector, context.Query);
        if (_options.Quantization == VectorQuantization.Int8)
        {
            Int8Codec.Encode(new ReadOnlySpan<float>(context.Query, _dimensions), record);
        }
        else
        {
            new ReadOnlySpan<float>(context.Query, _dimensions).CopyTo(new Span<float>(record, _dimensions));
        }

        *(long*)(record + _labelOffset) = id;
        record[_labelOffset + 8] = (byte)level;
        record[_labelOffset + 9] = 0;
        *(ushort*)(record + _labelOffset + 10) = 0;
        *(int*)(record + _labelOffset + 12) = level > 0 ? _upper.Allocate(level * (_m + 1)) : -1;
        *(int*)(record + _linksOffset) = 0;
        return level;
    }

    /// <summary>
    /// Links a written node into the graph of the first <paramref name="nodeCount"/> nodes; the prepared vector is in
    /// <see cref="SearchContext.Query"/>. Safe to run for several nodes at once (neighbour lists change under their
    /// stripe lock) as long as no other writer runs.
    /// </summary>
    private void LinkNode(SearchContext context, int node, int level, int nodeCount)
    {
        context.EnsureScratch(Math.Max(_options.EfConstruction, _m0 + 1) + 1);
        var record = Address(node);
        switch (_space)
        {
            case SpaceKind.FloatDot:
                Link<FloatDotSpace>(context, node, record, level, nodeCount);
                break;
            case SpaceKind.FloatL2:
                Link<FloatL2Space>(context, node, record, level, nodeCount);
                break;
            case SpaceKind.Int8Dot:
                Link<Int8DotSpace>(context, node, record, level, nodeCount);
                break;
            default:
                Link<Int8L2Space>(context, node, record, level, nodeCount);
                break;
        }
    }

    /// <summary>Makes a linked node visible: maps its id, counts it (the publication point), then raises the entry if it is higher.</summary>
    private void Publish(int node, int level)
    {
        TryMapNode(node);
        Volatile.Write(ref _nodeCount, node + 1);
        var entry = _entry;
        if (entry < 0 || level > (int)(entry >> 32))
        {
            Volatile.Write(ref _entry, PackEntry(node, level));
        }
    }

    /// <summary>Connects a new node into every level up to its own (hnswlib's addPoint), searching the first <paramref name="nodeCount"/> nodes.</summary>
    private void Link<TSpace>(SearchContext context, int node, byte* record, int level, int nodeCount)
        where TSpace : struct, IVectorSpace
    {
        var entry = _entry;
        if (entry < 0)
        {
            return;
        }

        var query = context.Query;
        var current = (int)entry;
        var maxLevel = (int)(entry >> 32);
        var currentDistance = TSpace.Distance(query, Address(current), _dimensions);
        for (var l = maxLevel; l > level; l--)
        {
            current = Greedy<TSpace>(query, current, ref currentDistance, l, nodeCount);
        }

        for (var l = Math.Min(level, maxLevel); l >= 0; l--)
        {
            SearchLayer<TSpace>(context, query, current, currentDistance, l, _options.EfConstruction, nodeCount, _deletedCount > 0, null);
            current = ConnectNewNode<TSpace>(context, node, record, l);
            currentDistance = TSpace.Distance(query, Address(current), _dimensions);
        }
    }

    /// <summary>
    /// Chooses the new node's neighbours at one level from the search results, links both ways and shrinks the
    /// neighbours' lists that overflow with the same heuristic (hnswlib's mutuallyConnectNewElement).
    /// Returns the closest neighbour, the entry point of the level below.
    /// </summary>
    private int ConnectNewNode<TSpace>(SearchContext context, int node, byte* record, int level)
        where TSpace : struct, IVectorSpace
    {
        var count = context.Results.DrainSorted(context.Sorted);
        var selectedCount = SelectNeighbours<TSpace>(context, count, _m);
        Span<int> chosen = stackalloc int[selectedCount];
        var own = Links(record, level);

        // Under its own stripe lock: in a concurrent batch, another worker that reached this node from a higher level
        // may already be adding itself to this list.
        LockLinks(node);
        try
        {
            for (var i = 0; i < selectedCount; i++)
            {
                chosen[i] = context.Selected[i].Node;
                own[1 + i] = chosen[i];
            }

            Volatile.Write(ref own[0], selectedCount);
        }
        finally
        {
            UnlockLinks(node);
        }

        var maxNeighbours = level == 0 ? _m0 : _m;
        foreach (var neighbour in chosen)
        {
            LockLinks(neighbour);
            try
            {
                AddNeighbour<TSpace>(context, node, record, neighbour, level, maxNeighbours);
            }
            finally
            {
                UnlockLinks(neighbour);
            }
        }

        return chosen.Length > 0 ? chosen[0] : node;
    }

    /// <summary>Adds the new node to a neighbour's list at one level, re-selecting the list when it is full.</summary>
    private void AddNeighbour<TSpace>(SearchContext context, int node, byte* record, int neighbour, int level, int maxNeighbours)
        where TSpace : struct, IVectorSpace
    {
        var neighbourRecord = Address(neighbour);
        var links = Links(neighbourRecord, level);
        var n = ListCount(links, level);
        MarkDirty(neighbour);
        if (n < maxNeighbours)
        {
            links[1 + n] = node;
            Volatile.Write(ref links[0], n + 1);
            return;
        }

        // Full: re-select among the old neighbours plus the new node.
        var neighbourQuery = TSpace.AsQuery(neighbourRecord, context.Rerank, _dimensions);
        var sorted = context.Sorted;
        sorted[0] = new NodeDistance(TSpace.Distance(neighbourQuery, record, _dimensions), node);
        // A batch links nodes not yet counted, so the bound is the records allocated (a damaged file's ids beyond it are dropped).
        var allocated = (uint)(_segmentCount << _segmentShift);
        var count = 1;
        for (var j = 0; j < n; j++)
        {
            var other = links[1 + j];
            if ((uint)other < allocated)
            {
                sorted[count++] = new NodeDistance(TSpace.Distance(neighbourQuery, Address(other), _dimensions), other);
            }
        }

        SortByDistance(sorted.AsSpan(0, count));
        var kept = SelectNeighbours<TSpace>(context, count, maxNeighbours);
        for (var j = 0; j < kept; j++)
        {
            links[1 + j] = context.Selected[j].Node;
        }

        Volatile.Write(ref links[0], kept);
    }

    /// <summary>
    /// hnswlib's getNeighborsByHeuristic2: walking the candidates nearest first (<see cref="SearchContext.Sorted"/>),
    /// keep one only if it is closer to the base node than to every neighbour kept so far. Writes the kept ones to
    /// <see cref="SearchContext.Selected"/>, nearest first, and returns their number.
    /// </summary>
    private int SelectNeighbours<TSpace>(SearchContext context, int count, int maxNeighbours)
        where TSpace : struct, IVectorSpace
    {
        var sorted = context.Sorted;
        var selected = context.Selected;
        if (count < maxNeighbours)
        {
            sorted.AsSpan(0, count).CopyTo(selected);
            return count;
        }

        var kept = 0;
        for (var i = 0; i < count && kept < maxNeighbours; i++)
        {
            var candidate = sorted[i];
            var candidateQuery = TSpace.AsQuery(Address(candidate.Node), context.NodeQuery, _dimensions);
            var good = true;
            for (var j = 0; j < kept; j++)
            {
                if (TSpace.Distance(candidateQuery, Address(selected[j].Node), _dimensions) < candidate.Distance)
                {
                    good = false;
                    break;
                }
            }

            if (good)
            {
                selected[kept++] = candidate;
            }
        }

        return kept;
    }

    private static void SortByDistance(Span<NodeDistance> items)
    {
        // Insertion sort: lists are at most 2M + 1 long and nearly sorted.
        for (var i = 1; i < items.Length; i++)
        {
            var item = items[i];
            var j = i - 1;
            while (j >= 0 && items[j].Distance > item.Distance)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = item;
        }
    }
}
