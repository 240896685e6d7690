using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Mnemo.Core.Vectors.Internal;

/// <summary>
/// Flat storage for the neighbour lists of levels 1 and up, in native chunks of <see cref="ChunkInts"/> ints that
/// never move. A node of level L owns L consecutive lists of <c>1 + M</c> ints (count, then ids), addressed by a
/// global int index that never crosses a chunk boundary.
/// </summary>
/// <remarks>
/// Only the index's single writer allocates. The chunk table is replaced (never mutated in place) when it grows, so a
/// reader that loaded an index from a published node can always resolve it.
/// </remarks>
internal sealed unsafe class LinkPool : IDisposable
{
    /// <summary>log2 of the chunk size in ints.</summary>
    public const int ChunkShift = 14;

    /// <summary>Ints per chunk (64 KiB).</summary>
    public const int ChunkInts = 1 << ChunkShift;

    private const int ChunkMask = ChunkInts - 1;

    private nint[] _chunks = new nint[4];
    private int _chunkCount;

    // Chunks [0, _borrowedChunks) point into a mapped file and are not freed here.
    private int _borrowedChunks;

    /// <summary>Ints handed out so far, including the unused tails of full chunks: the length persisted.</summary>
    public int Used { get; private set; }

    /// <summary>Bytes of native memory held.</summary>
    public long AllocatedBytes => (long)_chunkCount * ChunkInts * sizeof(int);

    /// <summary>Address of the int at a global index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int* At(int index) => (int*)_chunks[index >> ChunkShift] + (index & ChunkMask);

    /// <summary>Reserves <paramref name="ints"/> zeroed ints (at most <see cref="ChunkInts"/>) and returns their index.</summary>
    public int Allocate(int ints)
    {
        var start = Used;
        if ((start & ChunkMask) + ints > ChunkInts)
        {
            start = ((start >> ChunkShift) + 1) << ChunkShift;
        }

        EnsureChunks((start + ints + ChunkMask) >> ChunkShift);
        Used = start + ints;
        new Span<int>(At(start), ints).Clear();
        return start;
    }

    /// <summary>Sets the used length (after a load), allocating chunks to cover it.</summary>
    public void SetUsed(int used)
    {
        EnsureChunks((used + ChunkMask) >> ChunkShift);
        Used = used;
    }

    /// <summary>
    /// Uses <paramref name="used"/> ints at <paramref name="start"/> (a mapped file, which must outlive the pool) as the
    /// pool's content: whole chunks in place, the last partial chunk copied, since allocations continue into it.
    /// </summary>
    public void Borrow(int* start, int used)
    {
        if (_chunkCount != 0)
        {
            throw new InvalidOperationException("only an empty pool borrows");
        }

        var whole = used >> ChunkShift;
        for (var i = 0; i < whole; i++)
        {
            if (_chunkCount == _chunks.Length)
            {
                Array.Resize(ref _chunks, _chunks.Length * 2);
            }

            _chunks[_chunkCount++] = (nint)(start + ((long)i << ChunkShift));
        }

        _borrowedChunks = whole;
        SetUsed(used);
        var rest = used & ChunkMask;
        if (rest > 0)
        {
            new ReadOnlySpan<int>(start + ((long)whole << ChunkShift), rest).CopyTo(new Span<int>((int*)_chunks[whole], rest));
        }
    }

    /// <summary>The used ints of one chunk, for persistence.</summary>
    public Span<int> UsedChunk(int chunk)
    {
        var length = Math.Min(ChunkInts, Used - (chunk << ChunkShift));
        return new Span<int>((int*)_chunks[chunk], Math.Max(length, 0));
    }

    /// <summary>Number of chunks spanned by <see cref="Used"/>.</summary>
    public int UsedChunkCount => (Used + ChunkMask) >> ChunkShift;

    /// <inheritdoc />
    public void Dispose()
    {
        for (var i = _borrowedChunks; i < _chunkCount; i++)
        {
            NativeMemory.AlignedFree((void*)_chunks[i]);
        }

        Array.Clear(_chunks);
        _chunkCount = 0;
        _borrowedChunks = 0;
        Used = 0;
    }

    private void EnsureChunks(int count)
    {
        while (_chunkCount < count)
        {
            var chunks = _chunks;
            if (_chunkCount == chunks.Length)
            {
                var grown = new nint[chunks.Length * 2];
                Array.Copy(chunks, grown, chunks.Length);
                chunks = grown;
            }

            // Zeroed: a pool set to a length (a load, a delta's replay) may hold gaps that nothing writes.
            chunks[_chunkCount] = (nint)NativeMemory.AlignedAlloc(ChunkInts * sizeof(int), 64);
            NativeMemory.Clear((void*)chunks[_chunkCount], ChunkInts * sizeof(int));
            Volatile.Write(ref _chunks, chunks);
            _chunkCount++;
        }
    }
}
