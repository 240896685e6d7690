using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Mnemo.Core.Vectors.Internal;

namespace Mnemo.Core.Vectors;

public sealed unsafe partial class HnswIndex
{
    /// <summary>Format version written by this build; files with a higher version are refused.</summary>
    /// <remarks>
    /// Version 2 added the source identity (bytes 104-119, zero in version 1 files). Version 3 stores records at the
    /// in-memory stride and ends with a sorted id table, so that a file can be searched in place through a memory map
    /// (<see cref="Open"/>); files of versions 1 and 2 are still read by copying them.
    /// </remarks>
    public const int FileFormatVersion = 3;

    // Header layout (little endian), docs/vector-index-format.md:
    private const int HeaderBytes = 128;
    private const int MagicOffset = 0;                  // 00-07 [8 ASCII] "MNEMOVEC"
    private const int VersionOffset = 8;                // 08-11 [uint32] format version
    private const int HeaderLengthOffset = 12;          // 12-15 [uint32] header length (128)
    private const int DimensionsOffset = 16;            // 16-19 [int32] dimensions
    private const int MetricOffset = 20;                // 20    [byte] VectorMetric
    private const int QuantizationOffset = 21;          // 21    [byte] VectorQuantization
    private const int MOffset = 24;                     // 24-27 [int32] M   (22-23 reserved, 0)
    private const int EfConstructionOffset = 28;        // 28-31 [int32] efConstruction
    private const int EfSearchOffset = 32;              // 32-35 [int32] default efSearch
    private const int NodeCountOffset = 36;             // 36-39 [int32] node records (live + tombstoned)
    private const int DeletedCountOffset = 40;          // 40-43 [int32] tombstoned records
    private const int EntryOffset = 44;                 // 44-51 [int64] entry point: level << 32 | node, -1 when empty
    private const int RecordBytesOffset = 52;           // 52-55 [int32] bytes per node record (version 3: the stride)
    private const int CoveredSequenceOffset = 56;       // 56-63 [int64] changelog sequence the index covers
    private const int UpperIntsOffset = 64;             // 64-67 [int32] ints in the upper-level link array
    private const int IdTableOffset = 68;               // 68-71 [int32] entries of the id table (version 3; = live nodes)
    private const int PayloadLengthOffset = 72;         // 72-79 [int64] payload bytes after the header
    private const int RngStateOffset = 80;              // 80-87 [uint64] level generator state
    private const int CompactionOffset = 88;            // 88-95 [float64] compaction threshold
    private const int ExactThresholdOffset = 96;        // 96-99 [int32] exact search threshold
    private const int PayloadCrcOffset = 100;           // 100-103 [uint32] CRC-32C of the payload
    private const int SourceIdentityOffset = 104;       // 104-119 [16 bytes] source identity (Guid, little-endian layout), version 2
    private const int HeaderCrcOffset = 124;            // 124-127 [uint32] CRC-32C of bytes 0-123 (120-123 reserved)

    private static ReadOnlySpan<byte> Magic => "MNEMOVEC"u8;

    /// <summary>
    /// Writes the index to <paramref name="path"/> through a temporary file (<c>path + ".tmp"</c>, flushed to disk,
    /// then renamed over the target), so a crash leaves the old file or the new one, never a mix.
    /// </summary>
    /// <remarks>Blocks writers while it runs; searches continue.</remarks>
    /// <param name="path">The index file.</param>
    /// <param name="coveredSequence">The changelog sequence the index reflects, stored in the header.</param>
    /// <param name="sourceIdentity">
    /// The identity of the data the index was derived from, stored in the header, so that a reader can tell an index of
    /// other data (another store whose changelog happens to reach as far) from its own.
    /// </param>
    public void Save(string path, long coveredSequence, Guid sourceIdentity = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        EnsureLittleEndian();
        lock (_writeLock)
        {
            ThrowIfDisposed();
            SaveCore(path, coveredSequence, sourceIdentity);
        }
    }

    /// <summary>Writes the whole file (the caller holds the write lock), then drops the delta of the file it replaced.</summary>
    private void SaveCore(string path, long coveredSequence, Guid sourceIdentity)
    {
        var temp = path + ".tmp";
        var written = new byte[HeaderBytes];
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Span<byte> header = stackalloc byte[HeaderBytes];
                header.Clear();
                stream.Write(header);
                var crc = Crc32C.Initial;
                var padding = new byte[_stride - _recordBytes];
                for (var node = 0; node < _nodeCount; node++)
                {
                    var record = new ReadOnlySpan<byte>(Address(node), _recordBytes);
                    crc = Crc32C.Append(crc, record);
                    stream.Write(record);
                    crc = Crc32C.Append(crc, padding);
                    stream.Write(padding);
                }

                for (var chunk = 0; chunk < _upper.UsedChunkCount; chunk++)
                {
                    var bytes = MemoryMarshal.AsBytes(_upper.UsedChunk(chunk));
                    crc = Crc32C.Append(crc, bytes);
                    stream.Write(bytes);
                }

                var layout = new FileLayout(_nodeCount, _stride, _upper.Used, _nodeCount - _deletedCount);
                var gap = new byte[layout.IdsOffset - layout.UpperEnd];
                crc = Crc32C.Append(crc, gap);
                stream.Write(gap);
                crc = WriteIdTable(stream, crc, layout.TableCount);
                WriteHeader(header, coveredSequence, sourceIdentity, layout.End - HeaderBytes, Crc32C.Finish(crc));
                stream.Position = 0;
                stream.Write(header);
                stream.Flush(flushToDisk: true);
                header.CopyTo(written);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        CoveredSequence = coveredSequence;
        SourceIdentity = sourceIdentity;
        SavedWhole(path, written);

        // The delta extended the file just replaced; its frames name that file, so it could never apply again.
        TryDelete(DeltaPath(path));
    }

    /// <summary>Where the parts of a version 3 file start, from its counts.</summary>
    private readonly record struct FileLayout(int Nodes, int Stride, int UpperInts, int TableCount)
    {
        public long UpperOffset => HeaderBytes + ((long)Nodes * Stride);

        public long UpperEnd => UpperOffset + ((long)UpperInts * sizeof(int));

        public long IdsOffset => (UpperEnd + 7) & ~7L;

        public long NodesOffset => IdsOffset + ((long)TableCount * sizeof(long));

        public long End => NodesOffset + ((long)TableCount * sizeof(int));
    }

    /// <summary>Writes the live ids ascending, then their nodes; returns the running CRC.</summary>
    private uint WriteIdTable(Stream stream, uint crc, int count)
    {
        var ids = new long[count];
        var nodes = new int[count];
        var live = 0;
        for (var node = 0; node < _nodeCount; node++)
        {
            var record = Address(node);
            if (!IsDeleted(record))
            {
                ids[live] = Label(record);
                nodes[live++] = node;
            }
        }

        if (live != count)
        {
            throw new InvalidOperationException($"the tombstone count says {count} live nodes, the records {live}");
        }

        Array.Sort(ids, nodes);
        var idBytes = MemoryMarshal.AsBytes(ids.AsSpan());
        var nodeBytes = MemoryMarshal.AsBytes(nodes.AsSpan());
        stream.Write(idBytes);
        stream.Write(nodeBytes);
        return Crc32C.Append(Crc32C.Append(crc, idBytes), nodeBytes);
    }

    /// <summary>Reads an index written by <see cref="Save"/>.</summary>
    /// <param name="path">The index file.</param>
    /// <param name="rerankSource">Float vectors for an int8 index's re-rank (see the constructor).</param>
    /// <returns>The index, with <see cref="CoveredSequence"/> set from the file.</returns>
    /// <exception cref="VectorIndexCorruptException">
    /// The file is truncated, damaged (checksum), from a newer version, not an index, or internally inconsistent.
    /// </exception>
    public static HnswIndex Load(string path, IVectorSource? rerankSource = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        EnsureLittleEndian();
        var name = Path.GetFileName(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> header = stackalloc byte[HeaderBytes];
        var read = stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false);
        if (read >= Magic.Length && !header[..Magic.Length].SequenceEqual(Magic))
        {
            throw Corrupt(name, VectorIndexFileProblem.BadMagic, "it does not start with the vector index magic");
        }

        if (read < HeaderBytes)
        {
            throw Corrupt(name, VectorIndexFileProblem.Truncated, $"the header needs {HeaderBytes} bytes, the file has {read}");
        }

        var version = BinaryPrimitives.ReadUInt32LittleEndian(header[VersionOffset..]);
        if (version > FileFormatVersion || version == 0)
        {
            throw Corrupt(name, VectorIndexFileProblem.UnsupportedVersion,
                $"format version {version}, this build reads up to {FileFormatVersion}");
        }

        var headerCrc = BinaryPrimitives.ReadUInt32LittleEndian(header[HeaderCrcOffset..]);
        if (Crc32C.Compute(header[..HeaderCrcOffset]) != headerCrc)
        {
            throw Corrupt(name, VectorIndexFileProblem.ChecksumMismatch, "header checksum mismatch");
        }

        var index = CreateFromHeader(header, name, rerankSource);
        try
        {
            index.ReadPayload(stream, header, name, (int)version);
            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    private static VectorIndexCorruptException Corrupt(string name, VectorIndexFileProblem problem, string detail) =>
        new(name, problem, detail);

    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("vector index files are little-endian; this machine is big-endian");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static HnswIndex CreateFromHeader(ReadOnlySpan<byte> header, string name, IVectorSource? rerankSource)
    {
        HnswOptions options;
        try
        {
            options = new HnswOptions
            {
                Dimensions = BinaryPrimitives.ReadInt32LittleEndian(header[DimensionsOffset..]),
                Metric = (VectorMetric)header[MetricOffset],
                Quantization = (VectorQuantization)header[QuantizationOffset],
                M = BinaryPrimitives.ReadInt32LittleEndian(header[MOffset..]),
                EfConstruction = BinaryPrimitives.ReadInt32LittleEndian(header[EfConstructionOffset..]),
                EfSearch = BinaryPrimitives.ReadInt32LittleEndian(header[EfSearchOffset..]),
                CompactionThreshold = BinaryPrimitives.ReadDoubleLittleEndian(header[CompactionOffset..]),
                ExactSearchThreshold = BinaryPrimitives.ReadInt32LittleEndian(header[ExactThresholdOffset..]),
            };
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw Corrupt(name, VectorIndexFileProblem.InvalidContent, $"bad parameter: {ex.Message}");
        }

        return new HnswIndex(options, rerankSource);
    }

    private void WriteHeader(Span<byte> header, long coveredSequence, Guid sourceIdentity, long payloadLength, uint payloadCrc)
    {
        header.Clear();
        Magic.CopyTo(header[MagicOffset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[VersionOffset..], FileFormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(header[HeaderLengthOffset..], HeaderBytes);
        BinaryPrimitives.WriteInt32LittleEndian(header[DimensionsOffset..], _dimensions);
        header[MetricOffset] = (byte)_options.Metric;
        header[QuantizationOffset] = (byte)_options.Quantization;
        BinaryPrimitives.WriteInt32LittleEndian(header[MOffset..], _m);
        BinaryPrimitives.WriteInt32LittleEndian(header[EfConstructionOffset..], _options.EfConstruction);
        BinaryPrimitives.WriteInt32LittleEndian(header[EfSearchOffset..], _options.EfSearch);
        BinaryPrimitives.WriteInt32LittleEndian(header[NodeCountOffset..], _nodeCount);
        BinaryPrimitives.WriteInt32LittleEndian(header[DeletedCountOffset..], _deletedCount);
        BinaryPrimitives.WriteInt64LittleEndian(header[EntryOffset..], _entry);
        BinaryPrimitives.WriteInt32LittleEndian(header[RecordBytesOffset..], _stride);
        BinaryPrimitives.WriteInt64LittleEndian(header[CoveredSequenceOffset..], coveredSequence);
        BinaryPrimitives.WriteInt32LittleEndian(header[UpperIntsOffset..], _upper.Used);
        BinaryPrimitives.WriteInt32LittleEndian(header[IdTableOffset..], _nodeCount - _deletedCount);
        BinaryPrimitives.WriteInt64LittleEndian(header[PayloadLengthOffset..], payloadLength);
        BinaryPrimitives.WriteUInt64LittleEndian(header[RngStateOffset..], _rngState);
        BinaryPrimitives.WriteDoubleLittleEndian(header[CompactionOffset..], _options.CompactionThreshold);
        BinaryPrimitives.WriteInt32LittleEndian(header[ExactThresholdOffset..], _options.ExactSearchThreshold);
        BinaryPrimitives.WriteUInt32LittleEndian(header[PayloadCrcOffset..], payloadCrc);
        sourceIdentity.TryWriteBytes(header[SourceIdentityOffset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[HeaderCrcOffset..], Crc32C.Compute(header[..HeaderCrcOffset]));
    }

    private void ReadPayload(FileStream stream, ReadOnlySpan<byte> header, string name, int version)
    {
        var nodeCount = BinaryPrimitives.ReadInt32LittleEndian(header[NodeCountOffset..]);
        var deletedCount = BinaryPrimitives.ReadInt32LittleEndian(header[DeletedCountOffset..]);
        var entry = BinaryPrimitives.ReadInt64LittleEndian(header[EntryOffset..]);
        var recordBytes = BinaryPrimitives.ReadInt32LittleEndian(header[RecordBytesOffset..]);
        var upperInts = BinaryPrimitives.ReadInt32LittleEndian(header[UpperIntsOffset..]);
        var tableCount = BinaryPrimitives.ReadInt32LittleEndian(header[IdTableOffset..]);
        var payloadLength = BinaryPrimitives.ReadInt64LittleEndian(header[PayloadLengthOffset..]);
        var payloadCrc = BinaryPrimitives.ReadUInt32LittleEndian(header[PayloadCrcOffset..]);

        // Versions 1 and 2 hold records unpadded and no id table; version 3 holds them at the stride, then the table.
        var fileStride = version >= 3 ? _stride : _recordBytes;
        var layout = new FileLayout(nodeCount, fileStride, upperInts, version >= 3 ? nodeCount - deletedCount : 0);
        if (recordBytes != fileStride || nodeCount < 0 || deletedCount < 0 || deletedCount > nodeCount || upperInts < 0
            || (version >= 3 ? tableCount != layout.TableCount : tableCount != 0)
            || payloadLength != (version >= 3 ? layout.End : layout.UpperEnd) - HeaderBytes)
        {
            throw Corrupt(name, VectorIndexFileProblem.InvalidContent, "the header's sizes disagree");
        }

        var expectedLength = HeaderBytes + payloadLength;
        if (stream.Length < expectedLength)
        {
            throw Corrupt(name, VectorIndexFileProblem.Truncated, $"expected {expectedLength} bytes, the file has {stream.Length}");
        }

        if (stream.Length > expectedLength)
        {
            throw Corrupt(name, VectorIndexFileProblem.InvalidContent, $"expected {expectedLength} bytes, the file has {stream.Length}");
        }

        EnsureCapacity(nodeCount);
        var crc = Crc32C.Initial;
        for (var node = 0; node < nodeCount; node++)
        {
            var record = new Span<byte>(Address(node), fileStride);
            stream.ReadExactly(record);
            crc = Crc32C.Append(crc, record);
        }

        _upper.SetUsed(upperInts);
        for (var chunk = 0; chunk < _upper.UsedChunkCount; chunk++)
        {
            var bytes = MemoryMarshal.AsBytes(_upper.UsedChunk(chunk));
            stream.ReadExactly(bytes);
            crc = Crc32C.Append(crc, bytes);
        }

        var table = new byte[version >= 3 ? layout.End - layout.UpperEnd : 0];
        stream.ReadExactly(table);
        crc = Crc32C.Append(crc, table);
        if (Crc32C.Finish(crc) != payloadCrc)
        {
            throw Corrupt(name, VectorIndexFileProblem.ChecksumMismatch, "payload checksum mismatch");
        }

        var problem = ValidateGraph(nodeCount, deletedCount, entry)
            ?? (version >= 3 ? ValidateIdTable(table.AsSpan((int)(layout.IdsOffset - layout.UpperEnd)), tableCount) : null);
        if (problem is not null)
        {
            throw Corrupt(name, VectorIndexFileProblem.InvalidContent, problem);
        }

        _nodeCount = nodeCount;
        _deletedCount = deletedCount;
        _entry = entry;
        _rngState = BinaryPrimitives.ReadUInt64LittleEndian(header[RngStateOffset..]);
        CoveredSequence = BinaryPrimitives.ReadInt64LittleEndian(header[CoveredSequenceOffset..]);

        // Version 1 left these bytes reserved (zero): such a file has no source identity, Guid.Empty.
        SourceIdentity = new Guid(header.Slice(SourceIdentityOffset, 16));
    }

    /// <summary>Checks a read id table against the id map the records built: every live id once, ascending, at its node.</summary>
    private string? ValidateIdTable(ReadOnlySpan<byte> table, int count)
    {
        var ids = MemoryMarshal.Cast<byte, long>(table[..(count * sizeof(long))]);
        var nodes = MemoryMarshal.Cast<byte, int>(table[(count * sizeof(long))..]);
        for (var i = 0; i < count; i++)
        {
            if ((i > 0 && ids[i] <= ids[i - 1]) || FindNode(ids[i]) != nodes[i])
            {
                return $"id table entry {i} does not match the records";
            }
        }

        return null;
    }

    /// <summary>
    /// Checks everything a search relies on, so that even a file with valid checksums but bad content (a bug, a
    /// crafted file) cannot send a search out of bounds. Fills the id map. Returns a problem or null.
    /// </summary>
    private string? ValidateGraph(int nodeCount, int deletedCount, long entry)
    {
        var entryNode = (int)entry;
        var entryLevel = (int)(entry >> 32);
        if (nodeCount == 0 ? entry != -1 : (entryNode < 0 || entryNode >= nodeCount || entryLevel < 0))
        {
            return "bad entry point";
        }

        var deleted = 0;
        for (var node = 0; node < nodeCount; node++)
        {
            var record = Address(node);
            var level = Level(record);
            var flags = record[_labelOffset + 9];
            var upper = *(int*)(record + _labelOffset + 12);
            if (level > entryLevel || (flags & ~DeletedFlag) != 0)
            {
                return $"node {node}: bad level or flags";
            }

            if (level == 0 ? upper != -1
                : upper < 0 || (long)upper + (level * (_m + 1)) > _upper.Used
                    || (upper & (LinkPool.ChunkInts - 1)) + (level * (_m + 1)) > LinkPool.ChunkInts)
            {
                return $"node {node}: bad upper-level list index";
            }

            for (var l = 0; l <= level; l++)
            {
                var links = Links(record, l);
                var n = links[0];
                if (n < 0 || n > (l == 0 ? _m0 : _m))
                {
                    return $"node {node}: bad neighbour count at level {l}";
                }

                for (var j = 1; j <= n; j++)
                {
                    if ((uint)links[j] >= (uint)nodeCount || Level(Address(links[j])) < l)
                    {
                        return $"node {node}: bad neighbour at level {l}";
                    }
                }
            }

            if ((flags & DeletedFlag) != 0)
            {
                deleted++;
            }
            else if (!TryMapNode(node))
            {
                return $"id {Label(record)} appears twice";
            }
        }

        if (deleted != deletedCount)
        {
            return "tombstone count mismatch";
        }

        return nodeCount > 0 && Level(Address(entryNode)) != entryLevel ? "entry level mismatch" : null;
    }
}
