using Mnemo.Core.Vectors.Internal;

namespace Mnemo.Core.Vectors;

public sealed unsafe partial class HnswIndex
{
    // Below this many vectors a batch is linked on the calling thread: starting workers would cost more than it saves.
    private const int MinParallelBatch = 64;

    // Stripe locks over neighbour lists, taken only while a list is changed (never while searching), so that
    // concurrent inserts of one batch do not lose each other's links. A power of two; collisions merely serialise.
    private const int LinkLockStripes = 1024;

    private readonly int[] _linkLocks = new int[LinkLockStripes];

    /// <summary>Adds vectors under new ids, linking them on several threads when the batch is large.</summary>
    /// <remarks>
    /// <para>Why: an insert is a beam search of <see cref="HnswOptions.EfConstruction"/> plus neighbour updates, and
    /// building an index from scratch is nearly all inserts; on N cores a batch links about N times as fast.</para>
    /// <para>How (hnswlib's scheme, narrowed): the records are written, and their levels drawn, in order on the calling
    /// thread; workers then link them concurrently and change a neighbour's list under that list's stripe lock. A
    /// worker's search may walk into a node of the batch that another worker is linking: a node becomes reachable at
    /// a level only once its own list there is written (its list first, then the links back to it), so it is
    /// walked like any other. Searching only published nodes instead was measured to lose recall (a worker held up
    /// by the scheduler stalls publication while the other links nodes that cannot see each other). Nodes are
    /// published to searches in order, each once every earlier one is linked, so searches running meanwhile see
    /// whole nodes as with <see cref="Add"/>. Other writers wait for the whole batch.</para>
    /// </remarks>
    /// <param name="ids">The new ids; none may be in the index yet or repeated.</param>
    /// <param name="vectors">The vectors, one per id, of <see cref="Dimensions"/> finite floats (copied).</param>
    /// <param name="maxParallelism">Threads to link with at most; 0 uses every core.</param>
    /// <exception cref="ArgumentException">An id is present or repeated, the lists differ in length, or a vector is invalid.</exception>
    public void AddRange(IReadOnlyList<long> ids, IReadOnlyList<float[]> vectors, int maxParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfNegative(maxParallelism);
        if (ids.Count != vectors.Count)
        {
            throw new ArgumentException($"{ids.Count} ids but {vectors.Count} vectors", nameof(vectors));
        }

        foreach (var vector in vectors)
        {
            CheckVector(vector);
        }

        lock (_writeLock)
        {
            ThrowIfDisposed();
            var batch = new HashSet<long>(ids.Count);
            foreach (var id in ids)
            {
                if (FindNode(id) >= 0 || !batch.Add(id))
                {
                    throw new ArgumentException($"id {id} is already in the index or repeated in the batch", nameof(ids));
                }
            }

            // The first node has nothing to link to and becomes the entry; the workers need one to start from.
            var start = 0;
            for (; start < ids.Count && _entry < 0; start++)
            {
                AddCore(ids[start], vectors[start]);
            }

            var workers = Math.Min(maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount, (ids.Count - start) / (MinParallelBatch / 2));
            if (workers <= 1 || ids.Count - start < MinParallelBatch)
            {
                for (var i = start; i < ids.Count; i++)
                {
                    AddCore(ids[i], vectors[i]);
                }

                return;
            }

            LinkConcurrently(ids, vectors, start, workers);
        }
    }

    /// <summary>Writes the records of items from <paramref name="start"/> on, then links and publishes them on <paramref name="workers"/> threads.</summary>
    private void LinkConcurrently(IReadOnlyList<long> ids, IReadOnlyList<float[]> vectors, int start, int workers)
    {
        var first = _nodeCount;
        var count = ids.Count - start;
        EnsureCapacity(first + count);
        var levels = new int[count];
        var writer = SearchContext.ForCurrentThread(_dimensions);
        for (var i = 0; i < count; i++)
        {
            levels[i] = WriteNode(writer, first + i, ids[start + i], vectors[start + i]);
        }

        var linked = new bool[count];
        var published = 0;
        var next = -1;
        var publishing = new Lock();
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            var context = SearchContext.ForCurrentThread(_dimensions);
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                PrepareQuery(vectors[start + i], context.Query);
                LinkNode(context, first + i, levels[i], first + count);
                lock (publishing)
                {
                    linked[i] = true;
                    for (; published < count && linked[published]; published++)
                    {
                        Publish(first + published, levels[published]);
                    }
                }
            }
        });
    }

    /// <summary>Takes the stripe lock of <paramref name="node"/>'s neighbour lists (a spin lock: it is held for microseconds).</summary>
    private void LockLinks(int node)
    {
        ref var stripe = ref _linkLocks[node & (LinkLockStripes - 1)];
        var spin = default(SpinWait);
        while (Interlocked.CompareExchange(ref stripe, 1, 0) != 0)
        {
            spin.SpinOnce();
        }
    }

    private void UnlockLinks(int node) => Volatile.Write(ref _linkLocks[node & (LinkLockStripes - 1)], 0);
}
