using System.Buffers.Binary;
using System.Runtime.Intrinsics.X86;

namespace Mnemo.Core.Vectors.Internal;

/// <summary>CRC-32C (Castagnoli), with the SSE4.2 instruction when present and a table otherwise.</summary>
/// <remarks>Usage: start from <see cref="Initial"/>, <see cref="Append"/> blocks, then <see cref="Finish"/>.</remarks>
internal static class Crc32C
{
    /// <summary>The starting state.</summary>
    public const uint Initial = 0xFFFFFFFF;

    private const uint Polynomial = 0x82F63B78;
    private static readonly uint[] s_table = BuildTable();

    /// <summary>Adds <paramref name="data"/> to a running state.</summary>
    public static uint Append(uint state, ReadOnlySpan<byte> data)
    {
        if (Sse42.X64.IsSupported)
        {
            ulong crc = state;
            while (data.Length >= 8)
            {
                crc = Sse42.X64.Crc32(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }

            state = (uint)crc;
            foreach (var b in data)
            {
                state = Sse42.Crc32(state, b);
            }

            return state;
        }

        foreach (var b in data)
        {
            state = s_table[(state ^ b) & 0xFF] ^ (state >> 8);
        }

        return state;
    }

    /// <summary>The checksum of a finished state.</summary>
    public static uint Finish(uint state) => ~state;

    /// <summary>The checksum of one block.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Initial, data));

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ Polynomial : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
