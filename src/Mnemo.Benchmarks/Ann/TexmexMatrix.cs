namespace Mnemo.Benchmarks.Ann;

/// <summary>Rows of equal length read from a texmex <c>.fvecs</c> or <c>.ivecs</c> file, stored row-major.</summary>
/// <typeparam name="T"><see cref="float"/> for .fvecs, <see cref="int"/> for .ivecs.</typeparam>
internal sealed class TexmexMatrix<T>
    where T : unmanaged
{
    /// <summary>Wraps row-major data.</summary>
    /// <param name="data">Rows * dimensions values.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="dimensions">Values per row.</param>
    public TexmexMatrix(T[] data, int rows, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        if ((long)rows * dimensions != data.Length)
        {
            throw new ArgumentException($"{rows} rows of {dimensions} need {(long)rows * dimensions} values, got {data.Length}", nameof(data));
        }

        Data = data;
        Rows = rows;
        Dimensions = dimensions;
    }

    /// <summary>All values, row-major.</summary>
    public T[] Data { get; }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Values per row.</summary>
    public int Dimensions { get; }

    /// <summary>One row.</summary>
    public ReadOnlySpan<T> Row(int row) => Data.AsSpan(row * Dimensions, Dimensions);
}
