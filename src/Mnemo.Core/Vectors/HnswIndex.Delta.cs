using System.Buffers;
using System.Buffers.Binary;
using Mnemo.Core.Vectors.Internal;

namespace Mnemo.Core.Vectors;

public sealed unsafe partial class HnswIndex
{
    // A delta file (path + ".delta") extends one saved file with frames appended by Persist: the records of the nodes added
    // since and the changed part (flags, lists) of the records that changed, with the counts, entry point and covered
    // sequence after them. Each frame names the saved file it extends (its header checksum) and its own offset, and carries
    // a CRC-32C, so a torn or stale frame is recognised and ignored, never applied. docs/vector-index-format.md.
    private const int FrameHeaderBytes = 80;
    private const int FrameLengthOffset = 8;            // [int32] frame bytes, header included
    private const int FrameBaseOffset = 12;             // [uint32] header CRC of the saved file the frame extends
    private const int FramePositionOffset = 16;         // [int64] the frame's offset in the delta file
    private const int FrameCoveredOffset = 24;          // [int64] covered sequence after the frame
    private const int FrameNodesOffset = 32;            // [int32] node count after
    private const int FrameDeletedOffset = 36;          // [int32] tombstone count after
    private const int FrameEntryOffset = 40;            // [int64] entry point after
    private const int FrameUpperOffset = 48;            // [int32] upper-level ints used after
    private const int FrameEntriesOffset = 52;          // [int32] node entries in the body
    private const int FrameRngOffset = 56;              // [uint64] level generator state after (64-75 reserved)
    private const int FrameCrcOffset = 76;              // [uint32] CRC-32C of bytes 0-75 and the body
    private const int WholeRecord = 1;
    private const int ChangedPart = 0;

    // The delta is folded into a new saved file once it would pass this share of the saved file's size (or 1 MiB), so
    // that opening replays little and the file never grows without bound.
    private const int DeltaShare = 8;
    private const long MinDeltaBytes = 1 << 20;

    private static ReadOnlySpan<byte> FrameMagic => "MNEMODLT"u8;

    // The saved image this index is: the header of the saved file (null when none: a new or copied-in index), how much of
    // its delta is applied, how many nodes it held, and which of those changed since (one bit a node).
    private byte[]? _savedHeader;
    private string? _savedPath;
    private long _deltaLength;
    private int _savedNodes;
    private ulong[] _dirty = [];
    private bool _renumbered;

    /// <summary>The delta file that extends the index file at <paramref name="path"/>.</summary>
    internal static string DeltaPath(string path) => path + ".delta";

    /// <summary>The file whose exclusive lock serialises the processes that write the index file at <paramref name="path"/> or its delta.</summary>
    internal static string LockPath(string path) => path + ".lock";

    /// <summary>
    /// Persists the index to <paramref name="path"/> at the cost of what changed: appends a frame with the changed records
    /// to the file's delta when this index is the image of the file on disk, else (a new index, a renumbering, another
    /// source, or a delta grown past its share) writes the whole file (<see cref="Save"/>). Writers of other processes are
    /// excluded by a lock file; when one holds it, or has already extended the file past this index's image (its frames and
    /// these would both claim the same node numbers), nothing is written and the caller's changes stay in memory.
    /// </summary>
    /// <returns>What was written.</returns>
    internal IndexPersistence Persist(string path, long coveredSequence, Guid sourceIdentity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        EnsureLittleEndian();
        lock (_writeLock)
        {
            ThrowIfDisposed();
            FileStream writerLock;
            try
            {
                writerLock = new FileStream(LockPath(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException)
            {
                return IndexPersistence.Busy;
            }

            using (writerLock)
            {
                var onDisk = ReadSavedHeader(path);
                var isImage = _savedHeader is not null && _savedPath == path && onDisk is not null && onDisk.AsSpan().SequenceEqual(_savedHeader);
                if (isImage && !_renumbered && sourceIdentity == SourceIdentity)
                {
                    var appended = TryAppend(path, coveredSequence);
                    if (appended != IndexPersistence.Rewritten)
                    {
                        return appended;
                    }
                }
                else if (!isImage && onDisk is not null && IsCurrentHeader(onDisk) && new Guid(onDisk.AsSpan(SourceIdentityOffset, 16)) == sourceIdentity
                    && BinaryPrimitives.ReadInt64LittleEndian(onDisk.AsSpan(CoveredSequenceOffset)) > coveredSequence)
                {
                    // Another process saved a file that covers more: replacing it would only move the next reader back.
                    return IndexPersistence.Superseded;
                }

                SaveCore(path, coveredSequence, sourceIdentity);
                return IndexPersistence.Rewritten;
            }
        }
    }

    /// <summary>Marks a node of the saved image changed (safe from the concurrent linkers of a batch).</summary>
    private void MarkDirty(int node)
    {
        if ((uint)node < (uint)_savedNodes)
        {
            Interlocked.Or(ref _dirty[node >> 6], 1UL << (node & 63));
        }
    }

    private void NodesRenumbered() => _renumbered = true;

    /// <summary>Records that the whole index was just written as <paramref name="header"/> at <paramref name="path"/> (or opened from it).</summary>
    private void SavedWhole(string path, byte[] header)
    {
        _savedHeader = header;
        _savedPath = path;
        _deltaLength = 0;
        SavedUpTo(_nodeCount);
        _renumbered = false;
    }

    private void SavedUpTo(int nodes)
    {
        _savedNodes = nodes;
        _dirty = new ulong[(nodes + 63) >> 6];
    }

    private static bool IsCurrentHeader(ReadOnlySpan<byte> header) =>
        header[..Magic.Length].SequenceEqual(Magic) && BinaryPrimitives.ReadUInt32LittleEndian(header[VersionOffset..]) == FileFormatVersion
        && Crc32C.Compute(header[..HeaderCrcOffset]) == BinaryPrimitives.ReadUInt32LittleEndian(header[HeaderCrcOffset..]);

    private uint SavedTag => BinaryPrimitives.ReadUInt32LittleEndian(_savedHeader.AsSpan(HeaderCrcOffset));

    private static byte[]? ReadSavedHeader(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            var header = new byte[HeaderBytes];
            return stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) == HeaderBytes ? header : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Appends a frame of the changes since the image to the delta (the caller holds the writer lock); Rewritten when the whole file should be written instead.</summary>
    private IndexPersistence TryAppend(string path, long coveredSequence)
    {
        using var stream = new FileStream(DeltaPath(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
        var length = stream.Length;
        if (length > _deltaLength)
        {
            // Either another process appended past this image (a valid frame of this file at the image's end: its nodes and
            // these conflict), or a writer died part-way (a torn frame, or the frames of a file since replaced): cut it off.
            var next = new byte[(int)Math.Min(length - _deltaLength, int.MaxValue)];
            stream.Position = _deltaLength;
            stream.ReadExactly(next);
            if (FrameLength(next, _deltaLength) > 0)
            {
                return IndexPersistence.Superseded;
            }

            stream.SetLength(_deltaLength);
        }
        else if (length < _deltaLength)
        {
            return IndexPersistence.Superseded;
        }

        var frame = BuildFrame(coveredSequence);
        var savedBytes = BinaryPrimitives.ReadInt64LittleEndian(_savedHeader.AsSpan(PayloadLengthOffset)) + HeaderBytes;
        if (_deltaLength + frame.Length > Math.Max(MinDeltaBytes, savedBytes / DeltaShare))
        {
            return IndexPersistence.Rewritten;
        }

        stream.Position = _deltaLength;
        stream.Write(frame);
        stream.Flush(flushToDisk: true);
        _deltaLength += frame.Length;
        CoveredSequence = coveredSequence;
        SavedUpTo(_nodeCount);
        return IndexPersistence.Appended;
    }

    /// <summary>The frame of every node added or changed since the image, with the state after them.</summary>
    private byte[] BuildFrame(long coveredSequence)
    {
        var body = new ArrayBufferWriter<byte>();
        var entries = 0;
        for (var word = 0; word < _dirty.Length; word++)
        {
            for (var bits = _dirty[word]; bits != 0; bits &= bits - 1)
            {
                WriteEntry(body, (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits), ChangedPart);
                entries++;
            }
        }

        for (var node = _savedNodes; node < _nodeCount; node++)
        {
            WriteEntry(body, node, WholeRecord);
            entries++;
        }

        var frame = new byte[FrameHeaderBytes + body.WrittenCount];
        var header = frame.AsSpan(0, FrameHeaderBytes);
        FrameMagic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[FrameLengthOffset..], frame.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[FrameBaseOffset..], SavedTag);
        BinaryPrimitives.WriteInt64LittleEndian(header[FramePositionOffset..], _deltaLength);
        BinaryPrimitives.WriteInt64LittleEndian(header[FrameCoveredOffset..], coveredSequence);
        BinaryPrimitives.WriteInt32LittleEndian(header[FrameNodesOffset..], _nodeCount);
        BinaryPrimitives.WriteInt32LittleEndian(header[FrameDeletedOffset..], _deletedCount);
        BinaryPrimitives.WriteInt64LittleEndian(header[FrameEntryOffset..], _entry);
        BinaryPrimitives.WriteInt32LittleEndian(header[FrameUpperOffset..], _upper.Used);
        BinaryPrimitives.WriteInt32LittleEndian(header[FrameEntriesOffset..], entries);
        BinaryPrimitives.WriteUInt64LittleEndian(header[FrameRngOffset..], _rngState);
        body.WrittenSpan.CopyTo(frame.AsSpan(FrameHeaderBytes));
        BinaryPrimitives.WriteUInt32LittleEndian(header[FrameCrcOffset..], FrameCrc(frame));
        return frame;
    }

    /// <summary>One node: its number, the kind, the record (or its part from the id on), then its upper-level lists.</summary>
    private void WriteEntry(ArrayBufferWriter<byte> body, int node, int kind)
    {
        var record = Address(node);
        var from = kind == WholeRecord ? 0 : _labelOffset;
        var level = Level(record);
        var upperInts = level * (_m + 1);
        var span = body.GetSpan(8 + (_recordBytes - from) + (upperInts * sizeof(int)));
        BinaryPrimitives.WriteInt32LittleEndian(span, node);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], kind);
        new ReadOnlySpan<byte>(record + from, _recordBytes - from).CopyTo(span[8..]);
        if (level > 0)
        {
            var lists = _upper.At(*(int*)(record + _labelOffset + 12));
            new ReadOnlySpan<byte>(lists, upperInts * sizeof(int)).CopyTo(span[(8 + _recordBytes - from)..]);
        }

        body.Advance(8 + (_recordBytes - from) + (upperInts * sizeof(int)));
    }

    private static uint FrameCrc(ReadOnlySpan<byte> frame) =>
        Crc32C.Finish(Crc32C.Append(Crc32C.Append(Crc32C.Initial, frame[..FrameCrcOffset]), frame[FrameHeaderBytes..]));

    /// <summary>The length of the intact frame of this image's file at the start of <paramref name="data"/> (read from <paramref name="position"/>), or 0.</summary>
    private int FrameLength(ReadOnlySpan<byte> data, long position)
    {
        if (data.Length < FrameHeaderBytes || !data[..FrameMagic.Length].SequenceEqual(FrameMagic))
        {
            return 0;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(data[FrameLengthOffset..]);
        if (length < FrameHeaderBytes || length > data.Length
            || BinaryPrimitives.ReadUInt32LittleEndian(data[FrameBaseOffset..]) != SavedTag
            || BinaryPrimitives.ReadInt64LittleEndian(data[FramePositionOffset..]) != position
            || FrameCrc(data[..length]) != BinaryPrimitives.ReadUInt32LittleEndian(data[FrameCrcOffset..]))
        {
            return 0;
        }

        return length;
    }

    /// <summary>
    /// Applies the intact frames of the delta at <paramref name="deltaPath"/> in order, stopping at the first that is torn,
    /// damaged or of another file (what follows it is not trusted either); then maps the ids of the nodes they added.
    /// </summary>
    private void ApplyDelta(string deltaPath)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(deltaPath);
        }
        catch (FileNotFoundException)
        {
            return;
        }

        var position = 0;
        while (FrameLength(data.AsSpan(position), position) is var length and > 0 && ApplyFrame(data.AsSpan(position, length)))
        {
            position += length;
            _deltaLength = position;
            SavedUpTo(_nodeCount);
        }

        if (position == 0)
        {
            return;
        }

        // The id table covers the saved file's nodes; the hash maps those the frames added.
        ClearIdMap(_nodeCount - _tableNodeLimit);
        for (var node = _tableNodeLimit; node < _nodeCount; node++)
        {
            if (!IsDeleted(Address(node)) && !TryMapNode(node))
            {
                throw Corrupt(Path.GetFileName(deltaPath), VectorIndexFileProblem.InvalidContent, $"id {Label(Address(node))} appears twice");
            }
        }
    }

    /// <summary>Checks a frame's every entry, then applies it; false (nothing applied) when a value is out of range.</summary>
    private bool ApplyFrame(ReadOnlySpan<byte> frame)
    {
        var nodes = BinaryPrimitives.ReadInt32LittleEndian(frame[FrameNodesOffset..]);
        var deleted = BinaryPrimitives.ReadInt32LittleEndian(frame[FrameDeletedOffset..]);
        var entry = BinaryPrimitives.ReadInt64LittleEndian(frame[FrameEntryOffset..]);
        var upper = BinaryPrimitives.ReadInt32LittleEndian(frame[FrameUpperOffset..]);
        var entries = BinaryPrimitives.ReadInt32LittleEndian(frame[FrameEntriesOffset..]);
        if (nodes < _nodeCount || deleted < 0 || deleted > nodes || upper < _upper.Used || entries < 0
            || (nodes == 0 ? entry != -1 : ((int)entry < 0 || (int)entry >= nodes || (entry >> 32) is < 0 or > MaxLevel)))
        {
            return false;
        }

        for (var pass = 0; pass < 2; pass++)
        {
            var body = frame[FrameHeaderBytes..];
            var nextNew = _nodeCount;
            for (var i = 0; i < entries; i++)
            {
                if (body.Length < 8)
                {
                    return false;
                }

                var node = BinaryPrimitives.ReadInt32LittleEndian(body);
                var kind = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                var from = kind == WholeRecord ? 0 : _labelOffset;
                var partBytes = _recordBytes - from;
                if (kind is not (WholeRecord or ChangedPart) || body.Length < 8 + partBytes
                    || (kind == ChangedPart ? (uint)node >= (uint)_nodeCount : node != nextNew++ || node >= nodes))
                {
                    return false;
                }

                var part = body.Slice(8, partBytes);
                var level = part[_labelOffset - from + 8];
                var upperStart = BinaryPrimitives.ReadInt32LittleEndian(part[(_labelOffset - from + 12)..]);
                var upperInts = level * (_m + 1);
                if (level > MaxLevel || (level == 0 ? upperStart != -1
                        : upperStart < 0 || (long)upperStart + upperInts > upper
                            || (upperStart & (LinkPool.ChunkInts - 1)) + upperInts > LinkPool.ChunkInts)
                    || body.Length < 8 + partBytes + (upperInts * sizeof(int)))
                {
                    return false;
                }

                if (pass == 1)
                {
                    part.CopyTo(new Span<byte>(Address(node) + from, partBytes));
                    if (level > 0)
                    {
                        body.Slice(8 + partBytes, upperInts * sizeof(int)).CopyTo(new Span<byte>(_upper.At(upperStart), upperInts * sizeof(int)));
                    }
                }

                body = body[(8 + partBytes + (upperInts * sizeof(int)))..];
            }

            if (nextNew != nodes || body.Length != 0)
            {
                return false;
            }

            if (pass == 0)
            {
                EnsureCapacity(nodes);
                _upper.SetUsed(upper);
            }
        }

        _nodeCount = nodes;
        _deletedCount = deleted;
        _entry = entry;
        _rngState = BinaryPrimitives.ReadUInt64LittleEndian(frame[FrameRngOffset..]);
        CoveredSequence = BinaryPrimitives.ReadInt64LittleEndian(frame[FrameCoveredOffset..]);
        return true;
    }
}

/// <summary>What <see cref="HnswIndex.Persist"/> wrote.</summary>
internal enum IndexPersistence
{
    /// <summary>A frame of the changes was appended to the file's delta.</summary>
    Appended,

    /// <summary>The whole file was written (and its delta dropped).</summary>
    Rewritten,

    /// <summary>Another process was writing the file: nothing was written.</summary>
    Busy,

    /// <summary>Another process extended or replaced the file beyond this index's image: nothing was written.</summary>
    Superseded,
}
