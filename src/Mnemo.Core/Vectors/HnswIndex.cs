using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Mnemo.Core.Vectors.Internal;

namespace Mnemo.Core.Vectors;

/// <summary>
/// A hierarchical navigable small world graph (Malkov and Yashunin) over fixed-dimension float vectors keyed by
/// <see cref="long"/> ids: approximate nearest-neighbour search with cosine, dot or L2 distance, optional int8
/// quantization, tombstone deletes with compaction, and a checksummed file format.
/// </summary>
/// <remarks>
/// <para>
/// Layout: nodes live in native segments that never move; one node is one fixed-size record holding its vector,
/// id, level, flags and level-0 neighbour list (2M slots). Upper-level lists live in a <see cref="LinkPool"/>.
/// Nothing is allocated per node or per distance; a search allocates nothing but its result.
/// </para>
/// <para>
/// Thread safety: one writer at a time (<see cref="Add"/>, <see cref="Update"/>, <see cref="Remove"/>,
/// <see cref="Compact"/>, <see cref="Save"/> serialise on a lock) and any number of concurrent searches, which run
/// during inserts without locking against them. A writer publishes a node only after its record and lists are
/// written (the node count is the publication point), and it changes a neighbour list by writing the ids and then
/// the count, so a search sees whole nodes and lists whose every id is a valid node; a search ignores nodes
/// published after it started. Compaction and <see cref="Dispose"/> move or free memory, so they wait for running
/// searches to finish and hold new ones back (a reader/writer lock that searches take in read mode).
/// </para>
/// </remarks>
public sealed unsafe partial class HnswIndex : IDisposable
{
    private const byte DeletedFlag = 1;
    private const int MaxLevel = 200;
    private const int SegmentTargetBytes = 1 << 18;

    private readonly HnswOptions _options;
    private readonly IVectorSource? _source;
    private readonly int _dimensions;
    private readonly int _m;
    private readonly int _m0;
    private readonly double _levelMultiplier;
    private readonly SpaceKind _space;

    // Node record layout (byte offsets from the record start):
    //   0                  vector: dimensions floats, or int8 codes + scale + squared norm (Int8Codec)
    //   _labelOffset       [int64] caller's id
    //   _labelOffset + 8   [byte] level, [byte] flags (1 = deleted), [uint16] reserved (0)
    //   _labelOffset + 12  [int32] index of the first upper-level list in the link pool (-1 when level is 0)
    //   _linksOffset       [int32] level-0 neighbour count, then 2M [int32] neighbour node numbers
    private readonly int _vectorBytes;
    private readonly int _labelOffset;
    private readonly int _linksOffset;
    private readonly int _recordBytes;
    private readonly int _stride;
    private readonly int _segmentShift;
    private readonly int _segmentMask;

    private readonly Lock _writeLock = new();
    private readonly ReaderWriterLockSlim _structureLock = new(LockRecursionPolicy.NoRecursion);

    private nint[] _segments = new nint[8];
    private int _segmentCount;

    // Segments [0, _borrowedSegments) point into a mapped file (HnswIndex.Mapping.cs) and are never freed here.
    private int _borrowedSegments;

    // What a neighbour list outside the link pool reads as (only a damaged file has one): the empty list.
    private readonly nint _emptyList;
    private LinkPool _upper = new();
    private int _nodeCount;
    private long _entry = -1;
    private int _deletedCount;
    private ulong _rngState;
    private bool _disposed;

    /// <summary>Creates an empty index.</summary>
    /// <param name="options">Dimension, metric and graph parameters.</param>
    /// <param name="rerankSource">
    /// Full-precision vectors by id, used by an int8 index to re-rank its best candidates and by
    /// <see cref="ExactSearch(ReadOnlySpan{float}, int, Func{long, bool})"/>; ignored by a float index. Without it an int8 index ranks by its codes alone.
    /// </param>
    public HnswIndex(HnswOptions options, IVectorSource? rerankSource = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _source = options.Quantization == VectorQuantization.Int8 ? rerankSource : null;
        _dimensions = options.Dimensions;
        _m = options.M;
        _m0 = 2 * options.M;
        _levelMultiplier = 1.0 / Math.Log(options.M);
        _rngState = options.Seed == 0 ? 0x9E3779B97F4A7C15UL : options.Seed;
        _space = (options.Quantization, options.Metric) switch
        {
            (VectorQuantization.None, VectorMetric.L2) => SpaceKind.FloatL2,
            (VectorQuantization.None, _) => SpaceKind.FloatDot,
            (_, VectorMetric.L2) => SpaceKind.Int8L2,
            _ => SpaceKind.Int8Dot,
        };

        _vectorBytes = options.Quantization == VectorQuantization.Int8 ? Int8Codec.StoredBytes(_dimensions) : _dimensions * sizeof(float);
        _labelOffset = (_vectorBytes + 7) & ~7;
        _linksOffset = _labelOffset + 16;
        _recordBytes = _linksOffset + ((1 + _m0) * sizeof(int));

        // Float records start on a 64-byte line, so a vector spans the fewest cache lines and the SIMD loads never
        // split a line (measured ~3-5% faster at 128 dimensions, for up to 1/16 more memory). Int8 records are
        // line-aligned only when that wastes at most 1/25 of a record, else packed (their loads are 16-byte and
        // unaligned anyway), to keep the quantized footprint small. Record sizes are multiples of 4.
        var lineAligned = (_recordBytes + 63) & ~63;
        _stride = options.Quantization == VectorQuantization.Int8
            ? ((lineAligned - _recordBytes) * 25 <= _recordBytes ? lineAligned : _recordBytes)
            : lineAligned;
        _segmentShift = Math.Clamp(BitOperations.Log2((uint)(SegmentTargetBytes / _stride)), 4, 20);
        _segmentMask = (1 << _segmentShift) - 1;
        _emptyList = (nint)NativeMemory.AllocZeroed((nuint)((1 + _m0) * sizeof(int)));
    }

    private enum SpaceKind
    {
        FloatDot,
        FloatL2,
        Int8Dot,
        Int8L2,
    }

    /// <summary>The parameters the index was created with.</summary>
    public HnswOptions Options => _options;

    /// <summary>The dimension of every vector.</summary>
    public int Dimensions => _dimensions;

    /// <summary>Number of live (not deleted) vectors.</summary>
    public int Count => Volatile.Read(ref _nodeCount) - Volatile.Read(ref _deletedCount);

    /// <summary>Number of tombstoned nodes still in the graph (removed or replaced vectors awaiting compaction).</summary>
    public int DeletedCount => Volatile.Read(ref _deletedCount);

    /// <summary>The changelog sequence this index covers, as given to <see cref="Save"/> or read by <see cref="Load"/>.</summary>
    public long CoveredSequence { get; private set; }

    /// <summary>
    /// The identity of the data the index was derived from (for the engine: the store's identity), as given to
    /// <see cref="Save"/> or read by <see cref="Load"/>; <see cref="Guid.Empty"/> when none was given, or for a file of
    /// format version 1, which had none.
    /// </summary>
    public Guid SourceIdentity { get; private set; }

    /// <summary>
    /// Bytes of memory the index holds: node segments (vectors and level-0 lists), the upper-level link pool and
    /// the id map. Excludes the per-thread search scratch and the re-rank source.
    /// </summary>
    public long MemoryBytes
    {
        get
        {
            lock (_writeLock)
            {
                return ((long)_segmentCount << _segmentShift) * _stride + _upper.AllocatedBytes + IdMapBytes;
            }
        }
    }

    /// <summary>True when a live vector is stored under <paramref name="id"/>.</summary>
    public bool Contains(long id)
    {
        lock (_writeLock)
        {
            return !_disposed && FindNode(id) >= 0;
        }
    }

    /// <summary>Frees the native memory. Waits for running searches; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_writeLock)
        {
            _structureLock.EnterWriteLock();
            try
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                FreeSegments(0);
                _upper.Dispose();
                ClearIdMap(0);
                ReleaseMapping();
                NativeMemory.Free((void*)_emptyList);
                _nodeCount = 0;
                _entry = -1;
            }
            finally
            {
                _structureLock.ExitWriteLock();
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long PackEntry(int node, int level) => ((long)level << 32) | (uint)node;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte* Address(int node) =>
        (byte*)_segments[node >> _segmentShift] + ((nint)(node & _segmentMask) * _stride);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte* Address(nint[] segments, int node, int shift, int mask, int stride) =>
        (byte*)segments[node >> shift] + ((nint)(node & mask) * stride);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Label(byte* record) => *(long*)(record + _labelOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Level(byte* record) => record[_labelOffset + 8];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsDeleted(byte* record) => (record[_labelOffset + 9] & DeletedFlag) != 0;

    /// <summary>The neighbour list of a node at a level: count, then ids.</summary>
    /// <remarks>
    /// A mapped file is not validated as a whole when opened (that would read every page), so a list index outside
    /// the pool, or straddling a chunk, which only a damaged file holds, reads as the empty list rather than as
    /// memory outside the pool.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int* Links(byte* record, int level)
    {
        if (level == 0)
        {
            return (int*)(record + _linksOffset);
        }

        var start = *(int*)(record + _labelOffset + 12) + ((level - 1) * (_m + 1));
        return (uint)start <= (uint)(_upper.Used - (_m + 1)) && (start & (LinkPool.ChunkInts - 1)) + _m + 1 <= LinkPool.ChunkInts
            ? _upper.At(start)
            : (int*)_emptyList;
    }

    /// <summary>The count of a neighbour list, clamped to what the level holds (a damaged file may say more).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ListCount(int* links, int level) => Math.Clamp(Volatile.Read(ref links[0]), 0, level == 0 ? _m0 : _m);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private void CheckDimensions(ReadOnlySpan<float> vector, string paramName)
    {
        if (vector.Length != _dimensions)
        {
            throw new ArgumentException($"the vector has {vector.Length} dimensions but the index holds {_dimensions}", paramName);
        }
    }

    private void EnsureCapacity(int nodes)
    {
        var needed = (nodes + _segmentMask) >> _segmentShift;
        while (_segmentCount < needed)
        {
            var segments = _segments;
            if (_segmentCount == segments.Length)
            {
                var grown = new nint[segments.Length * 2];
                Array.Copy(segments, grown, segments.Length);
                segments = grown;
            }

            var bytes = (nuint)_stride << _segmentShift;
            var segment = NativeMemory.AlignedAlloc(bytes, 64);
            NativeMemory.Clear(segment, bytes);
            segments[_segmentCount] = (nint)segment;
            Volatile.Write(ref _segments, segments);
            _segmentCount++;
        }
    }

    private void FreeSegments(int keep)
    {
        for (var i = keep; i < _segmentCount; i++)
        {
            if (i >= _borrowedSegments)
            {
                NativeMemory.AlignedFree((void*)_segments[i]);
            }

            _segments[i] = 0;
        }

        _borrowedSegments = Math.Min(_borrowedSegments, keep);

        _segmentCount = Math.Min(_segmentCount, keep);
    }

    /// <summary>Copies a caller's vector into a prepared query: normalised for cosine, squared norm in the extra slot.</summary>
    private void PrepareQuery(ReadOnlySpan<float> vector, float* destination)
    {
        vector.CopyTo(new Span<float>(destination, _dimensions));
        var squaredNorm = DistanceKernels.Dot(destination, destination, _dimensions);
        if (_options.Metric == VectorMetric.Cosine && squaredNorm > 0)
        {
            var inverse = 1f / MathF.Sqrt(squaredNorm);
            for (var i = 0; i < _dimensions; i++)
            {
                destination[i] *= inverse;
            }

            squaredNorm = 1f;
        }

        destination[_dimensions] = squaredNorm;
    }

    private int RandomLevel()
    {
        // xorshift64*, then hnswlib's rule: floor(-ln(U(0,1)) / ln(M)).
        var x = _rngState;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        _rngState = x;
        var u = (((x * 0x2545F4914F6CDD1DUL) >> 11) + 0.5) * (1.0 / (1UL << 53));
        return Math.Min((int)(-Math.Log(u) * _levelMultiplier), Math.Min(MaxLevel, LinkPool.ChunkInts / (_m + 1)));
    }
}
