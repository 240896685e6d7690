using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Mnemo.Core.Vectors.Internal;

/// <summary>
/// Per-thread scratch state of searches and inserts: the visited set, both heaps and the query buffers.
/// One instance per thread (thread-static), reused across searches and indexes, so a search allocates nothing.
/// </summary>
/// <remarks>
/// The visited set is hnswlib's: one <see cref="ushort"/> tag per node and a generation counter, so clearing it is
/// a counter increment except once every 65,535 searches.
/// </remarks>
internal sealed unsafe class SearchContext
{
    [ThreadStatic]
    private static SearchContext? s_current;

    private ushort[] _visited = [];
    private float[] _buffers = [];
    private int _bufferDimensions = -1;

    /// <summary>The generation tag that marks a node visited in the current search.</summary>
    public ushort Generation { get; private set; }

    /// <summary>Candidate queue (nearest first).</summary>
    public MinHeap Candidates { get; } = new();

    /// <summary>Best results so far (farthest on top).</summary>
    public MaxHeap Results { get; } = new();

    /// <summary>Scratch for sorted candidate lists during neighbour selection.</summary>
    public NodeDistance[] Sorted { get; private set; } = new NodeDistance[256];

    /// <summary>Scratch for the neighbours chosen by the heuristic.</summary>
    public NodeDistance[] Selected { get; private set; } = new NodeDistance[256];

    /// <summary>The prepared query (dimensions + 1 floats, pinned).</summary>
    public float* Query { get; private set; }

    /// <summary>Scratch for a stored vector decoded as a query (dimensions + 1 floats, pinned).</summary>
    public float* NodeQuery { get; private set; }

    /// <summary>Scratch for a float vector fetched for re-ranking (dimensions + 1 floats, pinned).</summary>
    public float* Rerank { get; private set; }

    /// <summary>The visited tags, one per node.</summary>
    public ushort[] Visited => _visited;

    /// <summary>The current thread's context, sized for <paramref name="dimensions"/>.</summary>
    public static SearchContext ForCurrentThread(int dimensions)
    {
        var context = s_current ??= new SearchContext();
        if (context._bufferDimensions < dimensions)
        {
            context.AllocateBuffers(dimensions);
        }

        return context;
    }

    /// <summary>Starts a new traversal over <paramref name="nodeCount"/> nodes: every node becomes unvisited.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void BeginTraversal(int nodeCount)
    {
        if (_visited.Length < nodeCount)
        {
            _visited = new ushort[Math.Max(nodeCount + (nodeCount >> 2), 1024)];
            Generation = 0;
        }

        Generation++;
        if (Generation == 0)
        {
            Array.Clear(_visited);
            Generation = 1;
        }

        Candidates.Clear();
        Results.Clear();
    }

    /// <summary>Makes sure the sorted and selected scratch arrays hold at least <paramref name="count"/> items.</summary>
    public void EnsureScratch(int count)
    {
        if (Sorted.Length < count)
        {
            Sorted = new NodeDistance[count * 2];
            Selected = new NodeDistance[count * 2];
        }
    }

    private void AllocateBuffers(int dimensions)
    {
        // Three buffers of (dimensions + 1) floats, each padded to a 64-byte line; the array is pinned so the
        // pointers stay valid for the context's life.
        var stride = ((dimensions + 1 + 15) / 16) * 16;
        _buffers = GC.AllocateArray<float>((stride * 3) + 16, pinned: true);
        var basePtr = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_buffers));
        var aligned = (float*)(((nint)basePtr + 63) & ~(nint)63);
        Query = aligned;
        NodeQuery = aligned + stride;
        Rerank = aligned + (2 * stride);
        _bufferDimensions = dimensions;
    }
}
