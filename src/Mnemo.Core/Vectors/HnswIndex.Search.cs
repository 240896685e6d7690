using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Mnemo.Core.Vectors.Internal;

namespace Mnemo.Core.Vectors;

public sealed unsafe partial class HnswIndex
{
    /// <summary>How much of the next candidate's vector a search prefetches while computing the current distance.</summary>
    private const int MaxPrefetchBytes = 4096;

    /// <summary>Finds the approximate <paramref name="k"/> nearest live vectors to <paramref name="query"/>.</summary>
    /// <param name="query">A vector of <see cref="Dimensions"/> floats.</param>
    /// <param name="k">How many results at most.</param>
    /// <param name="ef">Beam width (recall/speed trade-off); 0 uses <see cref="HnswOptions.EfSearch"/>; raised to k.</param>
    /// <param name="filter">
    /// When given, only ids it accepts are returned. It is evaluated during the traversal, so the search keeps going
    /// until it has found <paramref name="k"/> accepted vectors or exhausted the graph: a selective filter costs time,
    /// never results. It runs on the searching thread and must not call back into the index.
    /// </param>
    /// <returns>At most <paramref name="k"/> matches, nearest first.</returns>
    public VectorMatch[] Search(ReadOnlySpan<float> query, int k, int ef = 0, Func<long, bool>? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k == 0)
        {
            return [];
        }

        var buffer = new VectorMatch[k];
        var found = Search(query, buffer, ef, filter);
        return found == k ? buffer : buffer[..found];
    }

    /// <summary>
    /// Finds the approximate nearest live vectors to <paramref name="query"/> into <paramref name="destination"/>
    /// (k = its length) without allocating; returns how many were written, nearest first.
    /// </summary>
    /// <param name="query">A vector of <see cref="Dimensions"/> floats.</param>
    /// <param name="destination">Receives the matches; its length is k.</param>
    /// <param name="ef">Beam width; 0 uses <see cref="HnswOptions.EfSearch"/>; raised to k.</param>
    /// <param name="filter">Only ids it accepts are returned (see the other overload).</param>
    public int Search(ReadOnlySpan<float> query, Span<VectorMatch> destination, int ef = 0, Func<long, bool>? filter = null)
    {
        CheckDimensions(query, nameof(query));
        var k = destination.Length;
        if (k == 0)
        {
            return 0;
        }

        ef = Math.Max(ef > 0 ? ef : _options.EfSearch, k);
        _structureLock.EnterReadLock();
        try
        {
            ThrowIfDisposed();

            // The entry is published after the count, so reading it first keeps it inside the snapshot.
            var entry = Volatile.Read(ref _entry);
            var nodeCount = Volatile.Read(ref _nodeCount);
            if (entry < 0)
            {
                return 0;
            }

            var context = SearchContext.ForCurrentThread(_dimensions);
            context.EnsureScratch(ef + 1);
            PrepareQuery(query, context.Query);
            if (nodeCount - Volatile.Read(ref _deletedCount) <= _options.ExactSearchThreshold)
            {
                return ExactCore(context, nodeCount, destination, filter, null);
            }

            return _space switch
            {
                SpaceKind.FloatDot => SearchCore<FloatDotSpace>(context, entry, nodeCount, destination, ef, filter),
                SpaceKind.FloatL2 => SearchCore<FloatL2Space>(context, entry, nodeCount, destination, ef, filter),
                SpaceKind.Int8Dot => SearchCore<Int8DotSpace>(context, entry, nodeCount, destination, ef, filter),
                _ => SearchCore<Int8L2Space>(context, entry, nodeCount, destination, ef, filter),
            };
        }
        finally
        {
            _structureLock.ExitReadLock();
        }
    }

    /// <summary>
    /// Finds the exact <paramref name="k"/> nearest live vectors by scanning all of them (for small sets and for
    /// checking the graph). An int8 index uses the re-rank source's float vectors when it has one.
    /// </summary>
    /// <param name="query">A vector of <see cref="Dimensions"/> floats.</param>
    /// <param name="k">How many results at most.</param>
    /// <param name="filter">When given, only ids it accepts are returned.</param>
    /// <returns>At most <paramref name="k"/> matches, nearest first.</returns>
    public VectorMatch[] ExactSearch(ReadOnlySpan<float> query, int k, Func<long, bool>? filter = null) => Exact(query, k, filter, null);

    /// <summary>
    /// Finds the exact <paramref name="k"/> nearest among the live vectors of <paramref name="ids"/> (ids not in the index
    /// are skipped): the cost is one distance per id, however large the index.
    /// </summary>
    /// <param name="query">A vector of <see cref="Dimensions"/> floats.</param>
    /// <param name="k">How many results at most.</param>
    /// <param name="ids">The ids to compare with the query.</param>
    /// <returns>At most <paramref name="k"/> matches, nearest first.</returns>
    public VectorMatch[] ExactSearch(ReadOnlySpan<float> query, int k, IReadOnlyCollection<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return Exact(query, k, null, ids);
    }

    private VectorMatch[] Exact(ReadOnlySpan<float> query, int k, Func<long, bool>? filter, IReadOnlyCollection<long>? ids)
    {
        CheckDimensions(query, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k == 0)
        {
            return [];
        }

        var buffer = new VectorMatch[k];
        int found;
        _structureLock.EnterReadLock();
        try
        {
            ThrowIfDisposed();
            var context = SearchContext.ForCurrentThread(_dimensions);
            context.EnsureScratch(k + 1);
            PrepareQuery(query, context.Query);
            found = ExactCore(context, Volatile.Read(ref _nodeCount), buffer, filter, ids);
        }
        finally
        {
            _structureLock.ExitReadLock();
        }

        return found == k ? buffer : buffer[..found];
    }

    private int SearchCore<TSpace>(SearchContext context, long entry, int nodeCount, Span<VectorMatch> destination, int ef,
        Func<long, bool>? filter)
        where TSpace : struct, IVectorSpace
    {
        var query = context.Query;
        var current = (int)entry;
        var currentDistance = TSpace.Distance(query, Address(current), _dimensions);
        for (var level = (int)(entry >> 32); level > 0; level--)
        {
            current = Greedy<TSpace>(query, current, ref currentDistance, level, nodeCount);
        }

        var checkAccept = filter is not null || Volatile.Read(ref _deletedCount) > 0;
        SearchLayer<TSpace>(context, query, current, currentDistance, 0, ef, nodeCount, checkAccept, filter);
        if (_source is not null)
        {
            Rerank(context);
        }

        var results = context.Results;
        while (results.Count > destination.Length)
        {
            results.Pop();
        }

        var found = results.Count;
        for (var i = found - 1; i >= 0; i--)
        {
            var item = results.Pop();
            destination[i] = new VectorMatch(Label(Address(item.Node)), item.Distance);
        }

        return found;
    }

    /// <summary>Greedy descent on one upper level: move to any closer neighbour until none is closer.</summary>
    private int Greedy<TSpace>(float* query, int current, ref float currentDistance, int level, int nodeCount)
        where TSpace : struct, IVectorSpace
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            var links = Links(Address(current), level);
            var n = ListCount(links, level);
            for (var j = 1; j <= n; j++)
            {
                var candidate = links[j];
                if ((uint)candidate >= (uint)nodeCount)
                {
                    continue;
                }

                var d = TSpace.Distance(query, Address(candidate), _dimensions);
                if (d < currentDistance)
                {
                    currentDistance = d;
                    current = candidate;
                    changed = true;
                }
            }
        }

        return current;
    }

    /// <summary>
    /// Beam search on one level (hnswlib's searchBaseLayer/searchBaseLayerST): leaves up to <paramref name="ef"/>
    /// nearest accepted nodes in <see cref="SearchContext.Results"/>. With <paramref name="checkAccept"/>, deleted
    /// nodes and ids the filter rejects are traversed but not returned, and the search does not stop before it holds
    /// <paramref name="ef"/> accepted nodes. Nodes numbered <paramref name="nodeCount"/> or above are ignored.
    /// </summary>
    private void SearchLayer<TSpace>(SearchContext context, float* query, int entryNode, float entryDistance, int level, int ef,
        int nodeCount, bool checkAccept, Func<long, bool>? filter)
        where TSpace : struct, IVectorSpace
    {
        context.BeginTraversal(nodeCount);
        var visited = context.Visited;
        var generation = context.Generation;
        var candidates = context.Candidates;
        var results = context.Results;
        var segments = _segments;
        var shift = _segmentShift;
        var mask = _segmentMask;
        var stride = _stride;
        var dimensions = _dimensions;
        var linksOffset = _linksOffset;
        var prefetchBytes = Math.Min(_vectorBytes, MaxPrefetchBytes);
        var pending = stackalloc int[_m0];

        visited[entryNode] = generation;
        var lowerBound = float.MaxValue;
        if (!checkAccept || Accepts(Address(segments, entryNode, shift, mask, stride), filter))
        {
            results.Push(entryDistance, entryNode);
            lowerBound = entryDistance;
        }

        candidates.Push(entryDistance, entryNode);
        while (candidates.Count > 0)
        {
            var current = candidates.Top;
            if (current.Distance > lowerBound && (results.Count == ef || !checkAccept))
            {
                break;
            }

            candidates.Pop();
            var record = Address(segments, current.Node, shift, mask, stride);
            var links = level == 0 ? (int*)(record + linksOffset) : Links(record, level);
            var n = ListCount(links, level);

            // First pass: keep the unvisited neighbours and prefetch their vectors, so that the memory loads of a
            // whole neighbour list are in flight together; second pass: compute the distances.
            var fresh = 0;
            for (var j = 1; j <= n; j++)
            {
                var candidate = links[j];
                if ((uint)candidate >= (uint)nodeCount || visited[candidate] == generation)
                {
                    continue;
                }

                visited[candidate] = generation;
                pending[fresh++] = candidate;
                if (Sse.IsSupported)
                {
                    var p = Address(segments, candidate, shift, mask, stride);
                    Sse.Prefetch0(p);
                    Sse.Prefetch0(p + 64);
                }
            }

            for (var i = 0; i < fresh; i++)
            {
                var candidate = pending[i];
                var candidateRecord = Address(segments, candidate, shift, mask, stride);
                if (Sse.IsSupported && i + 1 < fresh)
                {
                    var next = Address(segments, pending[i + 1], shift, mask, stride);
                    for (var line = 128; line < prefetchBytes; line += 64)
                    {
                        Sse.Prefetch0(next + line);
                    }
                }

                var d = TSpace.Distance(query, candidateRecord, dimensions);
                if (results.Count < ef || d < lowerBound)
                {
                    candidates.Push(d, candidate);
                    if (!checkAccept || Accepts(candidateRecord, filter))
                    {
                        // A full heap only admits closer items (d < lowerBound = its top): swap out the top.
                        if (results.Count < ef)
                        {
                            results.Push(d, candidate);
                        }
                        else
                        {
                            results.ReplaceTop(d, candidate);
                        }
                    }

                    if (results.Count > 0)
                    {
                        lowerBound = results.Top.Distance;
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Accepts(byte* record, Func<long, bool>? filter) =>
        !IsDeleted(record) && (filter is null || filter(Label(record)));

    /// <summary>Re-ranks the result heap with float vectors from the source (int8 indexes).</summary>
    private void Rerank(SearchContext context)
    {
        var results = context.Results;
        var sorted = context.Sorted;
        var count = results.DrainSorted(sorted);
        var vector = new Span<float>(context.Rerank, _dimensions);
        for (var i = 0; i < count; i++)
        {
            var record = Address(sorted[i].Node);
            if (_source!.TryGetVector(Label(record), vector))
            {
                sorted[i].Distance = FloatDistance(context.Query, context.Rerank);
            }
        }

        for (var i = 0; i < count; i++)
        {
            results.Push(sorted[i].Distance, sorted[i].Node);
        }
    }

    /// <summary>Exact float distance between a prepared query and a caller-format vector (normalised here for cosine).</summary>
    private float FloatDistance(float* query, float* vector)
    {
        switch (_options.Metric)
        {
            case VectorMetric.L2:
                return DistanceKernels.L2Squared(query, vector, _dimensions);
            case VectorMetric.Cosine:
                var squaredNorm = DistanceKernels.Dot(vector, vector, _dimensions);
                var dot = DistanceKernels.Dot(query, vector, _dimensions);
                return squaredNorm > 0 ? 1f - (dot / MathF.Sqrt(squaredNorm)) : 1f;
            default:
                return 1f - DistanceKernels.Dot(query, vector, _dimensions);
        }
    }

    /// <summary>The exact nearest of every live node that <paramref name="filter"/> accepts, or of the nodes of <paramref name="ids"/>.</summary>
    private int ExactCore(SearchContext context, int nodeCount, Span<VectorMatch> destination, Func<long, bool>? filter, IReadOnlyCollection<long>? ids)
    {
        var results = context.Results;
        results.Clear();
        if (ids is null)
        {
            for (var node = 0; node < nodeCount; node++)
            {
                if (Accepts(Address(node), filter))
                {
                    Consider(context, node, destination.Length);
                }
            }
        }
        else
        {
            foreach (var id in ids)
            {
                if (FindNode(id) is var node and >= 0 && node < nodeCount && !IsDeleted(Address(node)))
                {
                    Consider(context, node, destination.Length);
                }
            }
        }

        var found = results.Count;
        for (var i = found - 1; i >= 0; i--)
        {
            var item = results.Pop();
            destination[i] = new VectorMatch(Label(Address(item.Node)), item.Distance);
        }

        return found;
    }

    /// <summary>Keeps <paramref name="node"/> among the <paramref name="k"/> nearest found so far when it is nearer than the farthest.</summary>
    private void Consider(SearchContext context, int node, int k)
    {
        var results = context.Results;
        var record = Address(node);
        float d;
        if (_source is not null && _source.TryGetVector(Label(record), new Span<float>(context.Rerank, _dimensions)))
        {
            d = FloatDistance(context.Query, context.Rerank);
        }
        else
        {
            d = _space switch
            {
                SpaceKind.FloatDot => FloatDotSpace.Distance(context.Query, record, _dimensions),
                SpaceKind.FloatL2 => FloatL2Space.Distance(context.Query, record, _dimensions),
                SpaceKind.Int8Dot => Int8DotSpace.Distance(context.Query, record, _dimensions),
                _ => Int8L2Space.Distance(context.Query, record, _dimensions),
            };
        }

        if (results.Count < k)
        {
            results.Push(d, node);
        }
        else if (d < results.Top.Distance)
        {
            results.Pop();
            results.Push(d, node);
        }
    }
}
