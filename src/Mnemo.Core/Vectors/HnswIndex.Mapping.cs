using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Mnemo.Core.Vectors.Internal;

namespace Mnemo.Core.Vectors;

public sealed unsafe partial class HnswIndex
{
    private MemoryMappedFile? _mappedFile;
    private MemoryMappedViewAccessor? _mappedView;

    /// <summary>True when the index searches a file in place through a memory map (see <see cref="Open"/>).</summary>
    internal bool IsMapped => _mappedView is not null;

    /// <summary>
    /// Opens an index file written by <see cref="Save"/> for use in place: the file is mapped copy-on-write and its node
    /// records, neighbour lists and id table are read where they lie, so a search touches only the pages it visits. Then
    /// the file's delta (<see cref="Persist"/>), if any, is applied. A file of an older format is read whole instead
    /// (<see cref="Load"/>), and the next <see cref="Persist"/> rewrites it in the current format.
    /// </summary>
    /// <remarks>
    /// Opening checks the header (magic, version, checksum, parameters, sizes against the file's length) and the entry
    /// point, not the payload checksum, which would read every page: a damaged payload may give wrong neighbours, but every
    /// list, count and node number is bounds-checked where it is read, so it cannot make a search read outside the file.
    /// Changes (inserts, removals) go to private copies of the pages they touch; the file itself is never written through
    /// the map, only replaced (<see cref="Save"/>) or extended by its delta (<see cref="Persist"/>).
    /// </remarks>
    /// <param name="path">The index file.</param>
    /// <param name="rerankSource">Float vectors for an int8 index's re-rank (see the constructor).</param>
    /// <returns>The index, with <see cref="CoveredSequence"/> set from the file and its delta.</returns>
    /// <exception cref="VectorIndexCorruptException">The header is damaged, from a newer version, not an index, or disagrees with the file's length.</exception>
    internal static HnswIndex Open(string path, IVectorSource? rerankSource = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        EnsureLittleEndian();
        var name = Path.GetFileName(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1);
        HnswIndex? index = null;
        var streamOwned = false;
        try
        {
            Span<byte> header = stackalloc byte[HeaderBytes];
            var read = stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false);
            var version = read >= 12 ? BinaryPrimitives.ReadUInt32LittleEndian(header[VersionOffset..]) : 0;
            if (read < HeaderBytes || version != FileFormatVersion)
            {
                // Too short, not an index, or another version: the whole read gives the precise refusal, or reads an older file.
                stream.Dispose();
                return Load(path, rerankSource);
            }

            if (!header[..Magic.Length].SequenceEqual(Magic))
            {
                throw Corrupt(name, VectorIndexFileProblem.BadMagic, "it does not start with the vector index magic");
            }

            if (Crc32C.Compute(header[..HeaderCrcOffset]) != BinaryPrimitives.ReadUInt32LittleEndian(header[HeaderCrcOffset..]))
            {
                throw Corrupt(name, VectorIndexFileProblem.ChecksumMismatch, "header checksum mismatch");
            }

            index = CreateFromHeader(header, name, rerankSource);
            var layout = index.CheckMappedSizes(header, stream.Length, name);
            var mapped = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.CopyOnWrite, HandleInheritability.None, leaveOpen: false);
            streamOwned = true;
            index._mappedFile = mapped;
            index._mappedView = mapped.CreateViewAccessor(0, 0, MemoryMappedFileAccess.CopyOnWrite);
            byte* start = null;
            index._mappedView.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            index.AttachMapped(start + index._mappedView.PointerOffset, header, layout, name);
            index.SavedWhole(path, header.ToArray());
            index.ApplyDelta(DeltaPath(path));
            return index;
        }
        catch
        {
            index?.Dispose();
            if (!streamOwned)
            {
                stream.Dispose();
            }

            throw;
        }
    }

    /// <summary>Checks the header's counts and sizes against each other and the file's length; returns where the parts lie.</summary>
    private FileLayout CheckMappedSizes(ReadOnlySpan<byte> header, long fileLength, string name)
    {
        var nodeCount = BinaryPrimitives.ReadInt32LittleEndian(header[NodeCountOffset..]);
        var deletedCount = BinaryPrimitives.ReadInt32LittleEndian(header[DeletedCountOffset..]);
        var upperInts = BinaryPrimitives.ReadInt32LittleEndian(header[UpperIntsOffset..]);
        var tableCount = BinaryPrimitives.ReadInt32LittleEndian(header[IdTableOffset..]);
        var payloadLength = BinaryPrimitives.ReadInt64LittleEndian(header[PayloadLengthOffset..]);
        var entry = BinaryPrimitives.ReadInt64LittleEndian(header[EntryOffset..]);
        var layout = new FileLayout(nodeCount, _stride, upperInts, nodeCount - deletedCount);
        if (BinaryPrimitives.ReadInt32LittleEndian(header[RecordBytesOffset..]) != _stride || nodeCount < 0 || deletedCount < 0
            || deletedCount > nodeCount || upperInts < 0 || tableCount != layout.TableCount || payloadLength != layout.End - HeaderBytes)
        {
            throw Corrupt(name, VectorIndexFileProblem.InvalidContent, "the header's sizes disagree");
        }

        if (fileLength != layout.End)
        {
            throw Corrupt(name, fileLength < layout.End ? VectorIndexFileProblem.Truncated : VectorIndexFileProblem.InvalidContent,
                $"expected {layout.End} bytes, the file has {fileLength}");
        }

        if (nodeCount == 0 ? entry != -1 : ((int)entry < 0 || (int)entry >= nodeCount || (entry >> 32) is < 0 or > MaxLevel))
        {
            throw Corrupt(name, VectorIndexFileProblem.InvalidContent, "bad entry point");
        }

        return layout;
    }

    /// <summary>
    /// Points the index at a mapped file: whole segments of records and whole chunks of lists in place, the last partial
    /// ones copied (inserts continue into them), the id table in place.
    /// </summary>
    private void AttachMapped(byte* file, ReadOnlySpan<byte> header, FileLayout layout, string name)
    {
        var nodeCount = layout.Nodes;
        var whole = nodeCount >> _segmentShift;
        if (_segments.Length < whole + 1)
        {
            _segments = new nint[Math.Max(8, (int)BitOperationsCeiling(whole + 1))];
        }

        for (var i = 0; i < whole; i++)
        {
            _segments[i] = (nint)(file + HeaderBytes + ((long)i << _segmentShift) * _stride);
        }

        _segmentCount = whole;
        _borrowedSegments = whole;
        EnsureCapacity(nodeCount);
        var rest = nodeCount & _segmentMask;
        if (rest > 0)
        {
            Buffer.MemoryCopy(file + HeaderBytes + ((long)whole << _segmentShift) * _stride, Address(whole << _segmentShift),
                (long)rest * _stride, (long)rest * _stride);
        }

        _upper.Borrow((int*)(file + layout.UpperOffset), layout.UpperInts);
        UseIdTable((long*)(file + layout.IdsOffset), (int*)(file + layout.NodesOffset), layout.TableCount, nodeCount);
        _nodeCount = nodeCount;
        _deletedCount = BinaryPrimitives.ReadInt32LittleEndian(header[DeletedCountOffset..]);
        _entry = BinaryPrimitives.ReadInt64LittleEndian(header[EntryOffset..]);
        _rngState = BinaryPrimitives.ReadUInt64LittleEndian(header[RngStateOffset..]);
        CoveredSequence = BinaryPrimitives.ReadInt64LittleEndian(header[CoveredSequenceOffset..]);
        SourceIdentity = new Guid(header.Slice(SourceIdentityOffset, 16));
        if (_entry >= 0 && Level(Address((int)_entry)) != (int)(_entry >> 32))
        {
            throw Corrupt(name, VectorIndexFileProblem.InvalidContent, "entry level mismatch");
        }
    }

    private static long BitOperationsCeiling(int value) => System.Numerics.BitOperations.RoundUpToPowerOf2((uint)value);

    /// <summary>Unmaps the file (after the segments and pool stopped pointing into it).</summary>
    private void ReleaseMapping()
    {
        ForgetMappedIds();
        if (_mappedView is { } view)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            _mappedView = null;
        }

        _mappedFile?.Dispose();
        _mappedFile = null;
    }
}
