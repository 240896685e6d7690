using System.Runtime.InteropServices;

namespace Mnemo.Core.Transfer;

/// <summary>Tells what is at a path (<see cref="FileKind"/>) without opening it.</summary>
/// <remarks>
/// .NET reports a device or a named pipe as an ordinary file (<c>File.Exists</c> is true, the attributes are Normal), and
/// replacing one is never what an export means (as root, <c>/dev/full</c> became a regular file). On Linux the type comes
/// from statx(2), whose structure has one layout on every architecture; elsewhere only directories are told apart.
/// Symbolic links are followed: what counts is the file a link leads to.
/// </remarks>
internal static partial class FileKindProbe
{
    private const int AtCurrentDirectory = -100;  // AT_FDCWD
    private const uint TypeMask = 0x1;            // STATX_TYPE
    private const int StatxBytes = 256;           // sizeof(struct statx)
    private const int ModeOffset = 28;            // stx_mode: __u16 at 28-29
    private const int TypeBits = 0xF000;          // S_IFMT
    private const int RegularType = 0x8000;       // S_IFREG
    private const int DirectoryType = 0x4000;     // S_IFDIR

    /// <summary>The kind of what is at <paramref name="path"/> (after following symbolic links).</summary>
    public static FileKind Of(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        if (!OperatingSystem.IsLinux())
        {
            return FileKind.Regular;
        }

        Span<byte> buffer = stackalloc byte[StatxBytes];
        if (statx(AtCurrentDirectory, path, 0, TypeMask, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            // Gone since File.Exists, or not ours to inspect: nothing to replace then, or the move fails and says why.
            return FileKind.Missing;
        }

        return (MemoryMarshal.Read<ushort>(buffer[ModeOffset..]) & TypeBits) switch
        {
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            _ => FileKind.Other,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int directoryFd, string path, int flags, uint mask, ref byte buffer);
}
