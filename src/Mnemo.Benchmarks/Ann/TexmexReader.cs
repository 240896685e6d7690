using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Mnemo.Core;

namespace Mnemo.Benchmarks.Ann;

/// <summary>
/// Reads the texmex vector formats of the ANN benchmarks: per row a little-endian int32 <c>d</c>, then <c>d</c>
/// little-endian float32 (<c>.fvecs</c>) or int32 (<c>.ivecs</c>) values. Every row must have the same <c>d</c>.
/// </summary>
/// <remarks>Malformed files raise <see cref="MnemoException"/> with <see cref="MnemoErrorCode.InvalidInput"/>.</remarks>
internal static class TexmexReader
{
    private const int MaxDimensions = 1 << 20;
    private const int BufferBytes = 1 << 20;

    /// <summary>Reads a <c>.fvecs</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static Task<TexmexMatrix<float>> ReadFvecsAsync(string path, CancellationToken cancellationToken = default) =>
        ReadAsync<float>(path, cancellationToken);

    /// <summary>Reads an <c>.ivecs</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static Task<TexmexMatrix<int>> ReadIvecsAsync(string path, CancellationToken cancellationToken = default) =>
        ReadAsync<int>(path, cancellationToken);

    private static async Task<TexmexMatrix<T>> ReadAsync<T>(string path, CancellationToken cancellationToken)
        where T : unmanaged
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new MnemoException(MnemoErrorCode.InvalidInput, $"vector file '{path}' does not exist");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var length = stream.Length;
            if (length == 0)
            {
                return new TexmexMatrix<T>([], 0, 0);
            }

            var first = new byte[4];
            if (length < 4 || await stream.ReadAtLeastAsync(first, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < 4)
            {
                throw Malformed(name, "it is shorter than one row header (4 bytes)");
            }

            var dimensions = BinaryPrimitives.ReadInt32LittleEndian(first);
            if (dimensions <= 0 || dimensions > MaxDimensions)
            {
                throw Malformed(name, $"the first row declares {dimensions} dimensions");
            }

            var rowBytes = 4L + (4L * dimensions);
            if (length % rowBytes != 0)
            {
                throw Malformed(name, $"its length {length} is not a multiple of the row size {rowBytes} (4 + 4 x {dimensions}): truncated?");
            }

            var rows = length / rowBytes;
            if (rows * dimensions > Array.MaxLength)
            {
                throw Malformed(name, $"{rows} rows of {dimensions} values are too many to hold in memory");
            }

            var data = GC.AllocateUninitializedArray<T>((int)(rows * dimensions));
            var rowsPerBuffer = (int)Math.Max(1, BufferBytes / rowBytes);
            var buffer = ArrayPool<byte>.Shared.Rent((int)(rowsPerBuffer * rowBytes));
            try
            {
                stream.Position = 0;
                var row = 0L;
                while (row < rows)
                {
                    var batch = (int)Math.Min(rowsPerBuffer, rows - row);
                    var bytes = (int)(batch * rowBytes);
                    await stream.ReadExactlyAsync(buffer.AsMemory(0, bytes), cancellationToken).ConfigureAwait(false);
                    CopyRows(buffer.AsSpan(0, bytes), data, row, batch, dimensions, name);
                    row += batch;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return new TexmexMatrix<T>(data, (int)rows, dimensions);
        }
    }

    private static void CopyRows<T>(ReadOnlySpan<byte> source, T[] data, long firstRow, int rows, int dimensions, string name)
        where T : unmanaged
    {
        var rowBytes = 4 + (4 * dimensions);
        var target = MemoryMarshal.AsBytes(data.AsSpan((int)(firstRow * dimensions), rows * dimensions));
        for (var i = 0; i < rows; i++)
        {
            var row = source.Slice(i * rowBytes, rowBytes);
            var declared = BinaryPrimitives.ReadInt32LittleEndian(row);
            if (declared != dimensions)
            {
                throw Malformed(name, $"row {firstRow + i} declares {declared} dimensions, the first row {dimensions}");
            }

            row[4..].CopyTo(target.Slice(i * 4 * dimensions, 4 * dimensions));
        }
    }

    private static MnemoException Malformed(string name, string detail) =>
        new(MnemoErrorCode.InvalidInput, $"'{name}' is not a valid texmex vector file: {detail}");
}
