using System.Runtime.CompilerServices;

namespace Mnemo.Core.Vectors.Internal;

/// <summary>
/// Per-vector symmetric int8 quantization. Stored layout: <c>dimensions</c> sbyte codes padded to 4 bytes, then the
/// float scale, then the float squared norm of the decoded vector (used by L2). Decoded value = code * scale.
/// </summary>
internal static unsafe class Int8Codec
{
    /// <summary>Bytes a stored int8 vector occupies.</summary>
    public static int StoredBytes(int dimensions) => CodeBytes(dimensions) + 8;

    /// <summary>Bytes of the codes, padded to a multiple of 4 so the scale that follows is aligned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CodeBytes(int dimensions) => (dimensions + 3) & ~3;

    /// <summary>The scale of the stored vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Scale(byte* node, int dimensions) => *(float*)(node + CodeBytes(dimensions));

    /// <summary>The squared norm of the decoded stored vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SquaredNorm(byte* node, int dimensions) => *(float*)(node + CodeBytes(dimensions) + 4);

    /// <summary>Quantizes <paramref name="vector"/> into node memory.</summary>
    public static void Encode(ReadOnlySpan<float> vector, byte* node)
    {
        var max = 0f;
        foreach (var x in vector)
        {
            max = MathF.Max(max, MathF.Abs(x));
        }

        var scale = max > 0 ? max / 127f : 1f;
        var inverse = 1f / scale;
        var codes = (sbyte*)node;
        long sumSquares = 0;
        for (var i = 0; i < vector.Length; i++)
        {
            var c = (int)MathF.Round(vector[i] * inverse);
            c = Math.Clamp(c, -127, 127);
            codes[i] = (sbyte)c;
            sumSquares += c * c;
        }

        for (var i = vector.Length; i < CodeBytes(vector.Length); i++)
        {
            codes[i] = 0;
        }

        *(float*)(node + CodeBytes(vector.Length)) = scale;
        *(float*)(node + CodeBytes(vector.Length) + 4) = (float)(sumSquares * (double)scale * scale);
    }

    /// <summary>Decodes the stored vector into <paramref name="destination"/>.</summary>
    public static void Decode(byte* node, Span<float> destination)
    {
        var scale = Scale(node, destination.Length);
        var codes = (sbyte*)node;
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = codes[i] * scale;
        }
    }
}
