using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Mnemo.Core.Errors;

namespace Mnemo.Core.Transfer;

/// <summary>One non-blank line of an import file: its text, or why it could not be read as text.</summary>
/// <param name="Number">The 1-based line number.</param>
/// <param name="Text">The line, decoded; null when <paramref name="Problem"/> says why it could not be.</param>
/// <param name="Problem">Why the line is not text (it is not valid UTF-8), or null.</param>
internal readonly record struct ImportFileLine(long Number, string? Text, string? Problem);

/// <summary>
/// Streams the lines of a JSONL import file as strict UTF-8, holding at most one line of at most the line limit in
/// memory: a line longer than the limit stops the reading at once, without reading the rest of it.
/// </summary>
/// <remarks>
/// Lines end at <c>\n</c>, <c>\r\n</c> or <c>\r</c>, as <see cref="TextReader.ReadLine"/> counts them, so line numbers
/// agree with an editor's. A UTF-8 byte order mark at the start is skipped; a UTF-16 or UTF-32 one is refused (exports are
/// UTF-8). Bytes that are not valid UTF-8 make that line a problem line instead of being replaced silently.
/// </remarks>
internal static class ImportFileReader
{
    private const int ChunkBytes = 64 * 1024;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The non-blank lines of the file at <paramref name="path"/>, in order.</summary>
    /// <exception cref="MnemoException">A line is longer than <paramref name="maxLineBytes"/>, or the file is UTF-16 or UTF-32.</exception>
    public static async IAsyncEnumerable<ImportFileLine> ReadAsync(
        string path, int maxLineBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, useAsync: true);
        await using var streamScope = stream.ConfigureAwait(false);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var line = new ArrayBufferWriter<byte>();
        try
        {
            var number = 1L;
            var first = true;
            var afterCarriageReturn = false;
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                var start = 0;
                if (first)
                {
                    first = false;
                    start = ByteOrderMarkLength(chunk.AsSpan(0, read), path);
                }

                while (start < read)
                {
                    var rest = chunk.AsSpan(start, read - start);
                    if (afterCarriageReturn)
                    {
                        // "\r\n" is one line break, even when the two bytes fall into different chunks.
                        afterCarriageReturn = false;
                        if (rest[0] == (byte)'\n')
                        {
                            start++;
                            continue;
                        }
                    }

                    var end = rest.IndexOfAny((byte)'\n', (byte)'\r');
                    var piece = end < 0 ? rest : rest[..end];
                    if (line.WrittenCount + piece.Length > maxLineBytes)
                    {
                        throw TooLong(path, number, maxLineBytes);
                    }

                    line.Write(piece);
                    if (end < 0)
                    {
                        break;
                    }

                    afterCarriageReturn = rest[end] == (byte)'\r';
                    start += end + 1;
                    if (Decode(number++, line.WrittenSpan) is { } done)
                    {
                        yield return done;
                    }

                    line.ResetWrittenCount();
                }
            }

            if (line.WrittenCount > 0 && Decode(number, line.WrittenSpan) is { } last)
            {
                yield return last;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>The decoded line, a problem line when it is not UTF-8, or null when it is blank.</summary>
    private static ImportFileLine? Decode(long number, ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return new ImportFileLine(number, null,
                $"the line is not valid UTF-8 (byte 0x{e.BytesUnknown?.FirstOrDefault():x2} at byte {e.Index + 1}): save the file as UTF-8");
        }

        return string.IsNullOrWhiteSpace(text) ? null : new ImportFileLine(number, text, null);
    }

    private static int ByteOrderMarkLength(ReadOnlySpan<byte> start, string path)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return 3;
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || start.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            throw MnemoErrors.ImportFileNotUtf8(path);
        }

        return 0;
    }

    private static MnemoException TooLong(string path, long number, int maxLineBytes) => MnemoErrors.ImportLineTooLong(path, number, maxLineBytes);
}
