using System.IO.MemoryMappedFiles;
using Mnemo.Core.Vectors;

namespace Mnemo.Benchmarks.Ann;

/// <summary>
/// Re-rank vectors read from a memory-mapped <c>.fvecs</c> file (id = row number): the benchmark's stand-in for the
/// database the engine re-ranks from, so an int8 index's float vectors stay out of its own memory.
/// </summary>
internal sealed unsafe class FvecsFileVectorSource : IVectorSource, IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private readonly int _dimensions;
    private readonly long _rows;

    public FvecsFileVectorSource(string path, int dimensions, long rows)
    {
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _base = pointer + _view.PointerOffset;
        _dimensions = dimensions;
        _rows = rows;
    }

    public bool TryGetVector(long id, Span<float> destination)
    {
        if ((ulong)id >= (ulong)_rows)
        {
            return false;
        }

        var row = _base + (id * (4L + (4L * _dimensions))) + 4;
        new ReadOnlySpan<float>(row, _dimensions).CopyTo(destination);
        return true;
    }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
