using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mnemo.Core.Errors;

namespace Mnemo.Core.Storage;

/// <summary>Encodes an entry's text and value into one payload, hashes it and compresses large ones.</summary>
/// <remarks>
/// Payload layout (little endian):
/// <code>
/// 00-03 [int32]  byte length T of the UTF-8 text
/// 04-.. [T]      UTF-8 text
/// ..-end         UTF-8 JSON of the value, or nothing when the entry has no value
/// </code>
/// Stored payloads carry a codec: <see cref="Raw"/> or <see cref="Brotli"/>. The format is described in docs/storage-format.md.
/// </remarks>
public static class ContentCodec
{
    /// <summary>Codec id of a payload stored as is.</summary>
    public const int Raw = 0;

    /// <summary>Codec id of a Brotli-compressed payload.</summary>
    public const int Brotli = 1;

    // Quality 5 compresses text about as well as the default 11 at a fraction of the CPU time.
    private const int BrotliQuality = 5;
    private const int BrotliWindow = 22;

    // Compression must save at least this fraction to be kept; otherwise reads would pay for nothing.
    private const double MinimumSaving = 0.10;

    /// <summary>Encodes text and value into a raw payload.</summary>
    internal static byte[] Encode(string text, JsonElement? value)
    {
        var textBytes = Encoding.UTF8.GetByteCount(text);
        var valueText = value is { } v ? v.GetRawText() : null;
        var valueBytes = valueText is null ? 0 : Encoding.UTF8.GetByteCount(valueText);
        var payload = new byte[4 + textBytes + valueBytes];
        BinaryPrimitives.WriteInt32LittleEndian(payload, textBytes);
        Encoding.UTF8.GetBytes(text, payload.AsSpan(4));
        if (valueText is not null)
        {
            Encoding.UTF8.GetBytes(valueText, payload.AsSpan(4 + textBytes));
        }

        return payload;
    }

    /// <summary>The length <see cref="Encode"/> gives text and value, without encoding them.</summary>
    internal static int EncodedLength(string text, JsonElement? value) =>
        4 + Encoding.UTF8.GetByteCount(text) + (value is { } v ? Encoding.UTF8.GetByteCount(v.GetRawText()) : 0);

    /// <summary>Decodes a raw payload back into text and value.</summary>
    public static (string Text, JsonElement? Value) Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 4)
        {
            throw Corrupt("payload shorter than its header");
        }

        var textBytes = BinaryPrimitives.ReadInt32LittleEndian(payload);
        if (textBytes < 0 || textBytes > payload.Length - 4)
        {
            throw Corrupt($"payload text length {textBytes} exceeds the payload ({payload.Length} bytes)");
        }

        var text = Encoding.UTF8.GetString(payload.Slice(4, textBytes));
        var rest = payload[(4 + textBytes)..];
        if (rest.IsEmpty)
        {
            return (text, null);
        }

        using var document = JsonDocument.Parse(rest.ToArray());
        return (text, document.RootElement.Clone());
    }

    /// <summary>The SHA-256 of a raw payload.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> payload) => SHA256.HashData(payload);

    /// <summary>Compresses a payload when that saves enough; returns the bytes to store and their codec.</summary>
    internal static (byte[] Data, int Codec) Compress(byte[] payload)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(payload.Length)];
        if (BrotliEncoder.TryCompress(payload, buffer, out var written, BrotliQuality, BrotliWindow)
            && written <= payload.Length * (1 - MinimumSaving))
        {
            return (buffer.AsSpan(0, written).ToArray(), Brotli);
        }

        return (payload, Raw);
    }

    /// <summary>Returns the raw payload of stored bytes.</summary>
    public static byte[] Decompress(byte[] data, int codec, long rawSize)
    {
        switch (codec)
        {
            case Raw:
                return data;
            case Brotli:
                var raw = new byte[rawSize];
                if (!BrotliDecoder.TryDecompress(data, raw, out var written) || written != rawSize)
                {
                    throw Corrupt($"a compressed payload does not decompress to its recorded {rawSize} bytes");
                }

                return raw;
            default:
                throw Corrupt($"unknown payload codec {codec}");
        }
    }

    private static MnemoException Corrupt(string what) => MnemoErrors.ContentDamaged(what);
}
