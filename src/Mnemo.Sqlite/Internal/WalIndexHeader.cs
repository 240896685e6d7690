using System.IO.MemoryMappedFiles;

namespace Mnemo.Sqlite.Internal;

/// <summary>
/// Reads the WAL-index header in the database's <c>-shm</c> file, which SQLite keeps in shared memory between all
/// processes: to detect commits by anyone (about a nanosecond per look, where <c>PRAGMA data_version</c> costs a read
/// transaction of about 2 µs, more than a cached read), and to see how long the write-ahead log has grown.
/// </summary>
/// <remarks>
/// The header layout is part of SQLite's documented file format (https://sqlite.org/walformat.html, "The WAL-Index
/// Header"): bytes 8-11 hold <c>iChange</c>, incremented by every committed transaction; 16-19 <c>mxFrame</c>;
/// 32-39 the WAL salts, which change when the log restarts. A torn read can only produce a spurious "changed",
/// which costs one cheap query; it can never hide a commit, since every commit rewrites the header.
/// The mapping stays valid because this store keeps a connection open, so SQLite never deletes the file under it.
/// </remarks>
internal sealed class WalIndexHeader : IDisposable
{
    private const int HeaderBytes = 48;
    private const int ChangeOffset = 8;
    private const int FrameOffset = 16;
    private const int SaltOffset = 32;

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;

    private WalIndexHeader(MemoryMappedFile file, MemoryMappedViewAccessor view)
    {
        _file = file;
        _view = view;
    }

    /// <summary>Maps the header of <c>{databasePath}-shm</c>; null when there is none to map.</summary>
    public static WalIndexHeader? TryOpen(string databasePath)
    {
        var shm = databasePath + "-shm";
        try
        {
            if (!File.Exists(shm) || new FileInfo(shm).Length < HeaderBytes)
            {
                return null;
            }

            using var stream = new FileStream(shm, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            return new WalIndexHeader(file, file.CreateViewAccessor(0, HeaderBytes, MemoryMappedFileAccess.Read));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Frames (pages) in the write-ahead log since it was last restarted.</summary>
    public uint FrameCount => _view.ReadUInt32(FrameOffset);

    /// <summary>A value that differs from the previous one whenever a transaction has committed since.</summary>
    public ulong CommitStamp()
    {
        var change = _view.ReadUInt32(ChangeOffset);
        var frames = _view.ReadUInt32(FrameOffset);
        var salt = _view.ReadUInt32(SaltOffset) ^ _view.ReadUInt32(SaltOffset + 4);
        return ((ulong)change << 32) ^ frames ^ ((ulong)salt << 16);
    }

    public void Dispose()
    {
        _view.Dispose();
        _file.Dispose();
    }
}
