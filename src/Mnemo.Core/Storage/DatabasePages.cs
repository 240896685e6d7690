namespace Mnemo.Core.Storage;

/// <summary>How a database's pages are used, as the database itself counts them.</summary>
/// <param name="PageSize">Bytes per page.</param>
/// <param name="PageCount">Pages in the database (the committed state the read saw, write-ahead log included).</param>
/// <param name="FreePages">Pages on the free list: space a vacuum would give back to the file system.</param>
public sealed record DatabasePages(long PageSize, long PageCount, long FreePages)
{
    /// <summary>Bytes of pages that hold data.</summary>
    public long UsedBytes => (PageCount - FreePages) * PageSize;

    /// <summary>Bytes of free pages.</summary>
    public long FreeBytes => FreePages * PageSize;
}
