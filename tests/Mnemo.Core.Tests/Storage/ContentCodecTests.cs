using System.Text.Json;
using Mnemo.Core.Storage;

namespace Mnemo.Core.Tests.Storage;

public sealed class ContentCodecTests
{
    [Fact]
    public void EncodeDecode_TextAndValue_RoundTrip()
    {
        var value = JsonDocument.Parse("""{"a":[1,2,{"b":null}],"ü":"ß"}""").RootElement;

        var (text, decoded) = ContentCodec.Decode(ContentCodec.Encode("héllo\nworld", value));

        Assert.Equal("héllo\nworld", text);
        Assert.Equal(value.GetRawText(), decoded!.Value.GetRawText());
    }

    [Fact]
    public void EncodeDecode_NoValue_ReturnsNull()
    {
        var (text, value) = ContentCodec.Decode(ContentCodec.Encode("", null));

        Assert.Equal("", text);
        Assert.Null(value);
    }

    [Fact]
    public void Compress_RepetitiveText_UsesBrotliAndRoundTrips()
    {
        var payload = ContentCodec.Encode(string.Concat(Enumerable.Repeat("memory engines remember. ", 400)), null);

        var (data, codec) = ContentCodec.Compress(payload);

        Assert.Equal(ContentCodec.Brotli, codec);
        Assert.True(data.Length < payload.Length / 4);
        Assert.Equal(payload, ContentCodec.Decompress(data, codec, payload.Length));
    }

    [Fact]
    public void Compress_RandomBytes_KeepsThemRaw()
    {
        var payload = new byte[4096];
        new Random(3).NextBytes(payload);

        var (data, codec) = ContentCodec.Compress(payload);

        Assert.Equal(ContentCodec.Raw, codec);
        Assert.Same(payload, data);
    }

    [Fact]
    public void Decode_TruncatedPayload_ThrowsCorrupt()
    {
        var error = Assert.Throws<MnemoException>(() => ContentCodec.Decode(new byte[] { 200, 0, 0, 0, 65 }));

        Assert.Equal(MnemoErrorCode.Corrupt, error.ErrorCode);
    }

    [Fact]
    public void Decompress_DamagedBrotli_ThrowsCorrupt()
    {
        var error = Assert.Throws<MnemoException>(() => ContentCodec.Decompress([1, 2, 3, 4, 5], ContentCodec.Brotli, 100));

        Assert.Equal(MnemoErrorCode.Corrupt, error.ErrorCode);
    }
}
