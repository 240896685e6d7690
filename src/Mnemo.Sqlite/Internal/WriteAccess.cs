using System.Runtime.InteropServices;

namespace Mnemo.Sqlite.Internal;

/// <summary>Whether this process may change a database file and create files beside it, asked without writing anything.</summary>
/// <remarks>
/// Two rules, both must allow writing. The permission bits: root may write anything, but a file or directory its owner made
/// read-only stays read-only for Mnemo (a 0444 database is a deliberate "do not change"). And access(2) for this process's
/// user, so that a database another user owns is opened read-only instead of failing every read on SQLite's attempt to
/// write. A directory counts too: SQLite creates the write-ahead log and its index there.
/// </remarks>
internal static partial class WriteAccess
{
    private const int WriteOk = 2; // W_OK of unistd.h

    /// <summary>Why this process may not write the database at <paramref name="path"/>, or null when it may.</summary>
    public static string? WhyReadOnly(string path, bool fileExists)
    {
        if (fileExists && !CanWrite(path))
        {
            return "the file has no write permission for this user";
        }

        var directory = Path.GetDirectoryName(path)!;
        return CanWrite(directory) ? null : $"its directory '{directory}' is not writable for this user";
    }

    private static bool CanWrite(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        return (File.GetUnixFileMode(path) & anyWrite) != 0 && access(path, WriteOk) == 0;
    }

    [LibraryImport("libc", EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int access(string path, int mode);
}
