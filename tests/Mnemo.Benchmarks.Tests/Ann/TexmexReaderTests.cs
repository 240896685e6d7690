using System.Buffers.Binary;
using Mnemo.Benchmarks.Ann;
using Mnemo.Core;

namespace Mnemo.Benchmarks.Tests.Ann;

public sealed class TexmexReaderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mnemo-texmex-" + Guid.NewGuid().ToString("N"));

    public TexmexReaderTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ReadFvecs_WrittenFile_RoundTrips()
    {
        var path = Path.Combine(_directory, "a.fvecs");
        var matrix = new TexmexMatrix<float>([1, 2, 3, 4, 5, 6], 2, 3);
        await TexmexWriter.WriteFvecsAsync(path, matrix, TestContext.Current.CancellationToken);

        var read = await TexmexReader.ReadFvecsAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(2, read.Rows);
        Assert.Equal(3, read.Dimensions);
        Assert.Equal([4f, 5f, 6f], read.Row(1).ToArray());
        Assert.Equal(4 * 8, new FileInfo(path).Length);
    }

    [Fact]
    public async Task ReadIvecs_HandWrittenBytes_ParsesLittleEndian()
    {
        var path = Path.Combine(_directory, "g.ivecs");
        var bytes = new byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, 2);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 7);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 123456);
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var read = await TexmexReader.ReadIvecsAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal([7, 123456], read.Row(0).ToArray());
    }

    [Fact]
    public async Task ReadFvecs_TruncatedRow_ThrowsInvalidInput()
    {
        var path = Path.Combine(_directory, "t.fvecs");
        await TexmexWriter.WriteFvecsAsync(path, new TexmexMatrix<float>([1, 2, 3, 4], 2, 2), TestContext.Current.CancellationToken);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(path, bytes[..^2], TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<MnemoException>(() => TexmexReader.ReadFvecsAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal(MnemoErrorCode.InvalidInput, ex.ErrorCode);
        Assert.Contains("not a multiple", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFvecs_InconsistentDimensions_ThrowsInvalidInput()
    {
        var path = Path.Combine(_directory, "d.fvecs");
        var bytes = new byte[24];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, 2);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), 3);
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<MnemoException>(() => TexmexReader.ReadFvecsAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal(MnemoErrorCode.InvalidInput, ex.ErrorCode);
        Assert.Contains("row 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFvecs_NegativeDimension_ThrowsInvalidInput()
    {
        var path = Path.Combine(_directory, "n.fvecs");
        await File.WriteAllBytesAsync(path, [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0], TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<MnemoException>(() => TexmexReader.ReadFvecsAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal(MnemoErrorCode.InvalidInput, ex.ErrorCode);
    }

    [Fact]
    public async Task ReadFvecs_MissingFile_ThrowsInvalidInput()
    {
        var ex = await Assert.ThrowsAsync<MnemoException>(
            () => TexmexReader.ReadFvecsAsync(Path.Combine(_directory, "missing.fvecs"), TestContext.Current.CancellationToken));

        Assert.Equal(MnemoErrorCode.InvalidInput, ex.ErrorCode);
    }
}
