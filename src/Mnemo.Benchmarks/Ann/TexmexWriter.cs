using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Mnemo.Benchmarks.Ann;

/// <summary>Writes texmex <c>.fvecs</c>/<c>.ivecs</c> files (see <see cref="TexmexReader"/>).</summary>
internal static class TexmexWriter
{
    /// <summary>Writes rows of int32 values as <c>.ivecs</c>.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="matrix">The rows.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static Task WriteIvecsAsync(string path, TexmexMatrix<int> matrix, CancellationToken cancellationToken = default) =>
        WriteAsync(path, matrix, cancellationToken);

    /// <summary>Writes rows of float32 values as <c>.fvecs</c>.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="matrix">The rows.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static Task WriteFvecsAsync(string path, TexmexMatrix<float> matrix, CancellationToken cancellationToken = default) =>
        WriteAsync(path, matrix, cancellationToken);

    private static async Task WriteAsync<T>(string path, TexmexMatrix<T> matrix, CancellationToken cancellationToken)
        where T : unmanaged
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(matrix);
        var rowBytes = 4 + (4 * matrix.Dimensions);
        var buffer = new byte[rowBytes * Math.Max(1, Math.Min(matrix.Rows, (1 << 20) / rowBytes))];
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var row = 0;
            while (row < matrix.Rows)
            {
                var batch = Math.Min(buffer.Length / rowBytes, matrix.Rows - row);
                Fill(buffer, matrix, row, batch);
                await stream.WriteAsync(buffer.AsMemory(0, batch * rowBytes), cancellationToken).ConfigureAwait(false);
                row += batch;
            }
        }
    }

    private static void Fill<T>(byte[] buffer, TexmexMatrix<T> matrix, int firstRow, int rows)
        where T : unmanaged
    {
        var rowBytes = 4 + (4 * matrix.Dimensions);
        for (var i = 0; i < rows; i++)
        {
            var target = buffer.AsSpan(i * rowBytes, rowBytes);
            BinaryPrimitives.WriteInt32LittleEndian(target, matrix.Dimensions);
            MemoryMarshal.AsBytes(matrix.Row(firstRow + i)).CopyTo(target[4..]);
        }
    }
}
