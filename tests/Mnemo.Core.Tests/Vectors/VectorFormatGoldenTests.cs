using System.Buffers.Binary;
using Mnemo.Core.Vectors;

namespace Mnemo.Core.Tests.Vectors;

/// <summary>Pins what index files persist: enum values and header offsets (docs/vector-index-format.md).</summary>
public sealed class VectorFormatGoldenTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mnemo-golden-" + Guid.NewGuid().ToString("N"));

    public VectorFormatGoldenTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void PersistedEnums_Values_Frozen()
    {
        Assert.Equal(1, (int)VectorMetric.Cosine);
        Assert.Equal(2, (int)VectorMetric.Dot);
        Assert.Equal(3, (int)VectorMetric.L2);
        Assert.Equal(0, (int)VectorQuantization.None);
        Assert.Equal(1, (int)VectorQuantization.Int8);
        Assert.Equal(3, HnswIndex.FileFormatVersion);
        Assert.Equal(100, (int)MnemoErrorCode.Corrupt);
    }

    [Fact]
    public void Save_Header_MatchesDocumentedLayout()
    {
        using var index = new HnswIndex(new HnswOptions
        {
            Dimensions = 3,
            Metric = VectorMetric.L2,
            Quantization = VectorQuantization.Int8,
            M = 4,
            EfConstruction = 20,
            EfSearch = 9,
        });
        index.Add(77, [1, 2, 3]);
        index.Add(78, [3, 2, 1]);
        index.Remove(78);
        var path = Path.Combine(_directory, "golden.hnsw");

        var source = new Guid("00112233-4455-6677-8899-aabbccddeeff");
        index.Save(path, coveredSequence: 0x0102030405060708, source);
        var bytes = File.ReadAllBytes(path);

        Assert.Equal("MNEMOVEC"u8.ToArray(), bytes[..8]);
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(128u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12)));
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(3, bytes[20]);                                                         // L2
        Assert.Equal(1, bytes[21]);                                                         // int8
        Assert.Equal(4, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(24)));
        Assert.Equal(20, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(28)));
        Assert.Equal(9, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(32)));
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(36)));          // records
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(40)));          // tombstones
        Assert.Equal(0x0102030405060708, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(56)));
        Assert.Equal(source.ToByteArray(), bytes[104..120]);                                // source identity

        // Int8 record: 4 code bytes (3 + pad), scale, norm = 12 -> L = 16; R = L + 20 + 8M = 68, packed (stride 68: a
        // 64-byte line would waste more than 1/25 of it).
        const int RecordBytes = 68;
        Assert.Equal(RecordBytes, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(52)));
        var upperInts = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(64));
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(68)));          // id table: the live id
        var upperEnd = 128 + (2 * RecordBytes) + (4 * upperInts);
        var ids = (upperEnd + 7) & ~7;
        Assert.Equal(ids + 8 + 4 - 128, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(72)));
        Assert.Equal(ids + 8 + 4, bytes.Length);
        Assert.Equal(77, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(ids)));        // sorted ids, then their nodes
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(ids + 8)));
        var first = bytes.AsSpan(128, RecordBytes);
        Assert.Equal(77, BinaryPrimitives.ReadInt64LittleEndian(first[16..]));              // id
        Assert.Equal(0, first[25]);                                                         // live
        Assert.Equal(1, bytes[128 + RecordBytes + 25]);                                     // second record tombstoned
        Assert.Equal([42, 85, 127], first[..3].ToArray().Select(b => (int)(sbyte)b));       // codes of 1,2,3 at scale 3/127
    }
}
