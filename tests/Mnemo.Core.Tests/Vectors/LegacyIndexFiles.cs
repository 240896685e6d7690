using System.Buffers.Binary;
using Mnemo.Core.Vectors;
using Mnemo.Core.Vectors.Internal;

namespace Mnemo.Core.Tests.Vectors;

/// <summary>Turns a current index file into what format versions 1 and 2 wrote (records unpadded, no id table), for the migration tests.</summary>
internal static class LegacyIndexFiles
{
    public static void Rewrite(string path, int version)
    {
        var bytes = File.ReadAllBytes(path);
        var dimensions = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16));
        var vectorBytes = bytes[21] == (byte)VectorQuantization.Int8 ? Int8Codec.StoredBytes(dimensions) : dimensions * sizeof(float);
        var m = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(24));
        var recordBytes = ((vectorBytes + 7) & ~7) + 20 + (8 * m);
        var stride = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(52));
        var nodes = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(36));
        var upperInts = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(64));
        using var payload = new MemoryStream();
        for (var node = 0; node < nodes; node++)
        {
            payload.Write(bytes, 128 + (node * stride), recordBytes);
        }

        payload.Write(bytes, 128 + (nodes * stride), upperInts * sizeof(int));
        var header = bytes[..128];
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), (uint)version);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(52), recordBytes);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(68), 0);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(72), payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(100), Crc32C.Compute(payload.ToArray()));
        if (version == 1)
        {
            Array.Clear(header, 104, 16);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(124), Crc32C.Compute(header.AsSpan(0, 124)));
        File.WriteAllBytes(path, [.. header, .. payload.ToArray()]);
    }
}
