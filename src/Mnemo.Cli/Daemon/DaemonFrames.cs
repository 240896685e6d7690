using System.Buffers.Binary;
using System.Text.Json;

namespace Mnemo.Cli.Daemon;

/// <summary>The daemon's wire format: each message is a 4-byte little-endian length and that many bytes of UTF-8 JSON.</summary>
internal static class DaemonFrames
{
    // A command line and its output; far more than a store's text or a search's results, far less than memory.
    private const int MaxBytes = 256 << 20;

    public static async Task WriteAsync(Stream stream, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            write(writer);
        }

        var header = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, (int)body.Length);
        await stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next message, or null when the other side closed the connection before sending one.</summary>
    /// <exception cref="IOException">The connection ended inside a message, or the message is larger than any the daemon sends.</exception>
    public static async Task<JsonDocument?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        if (!await ReadExactlyOrEndAsync(stream, header, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is < 0 or > MaxBytes)
        {
            throw new IOException($"a daemon message of {length} bytes is not one Mnemo sends");
        }

        var body = new byte[length];
        return await ReadExactlyOrEndAsync(stream, body, cancellationToken).ConfigureAwait(false)
            ? JsonDocument.Parse(body)
            : throw new IOException("the connection to the Mnemo daemon ended inside a message");
    }

    private static async Task<bool> ReadExactlyOrEndAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return read == buffer.Length || (read > 0
            ? throw new IOException("the connection to the Mnemo daemon ended inside a message")
            : false);
    }
}
