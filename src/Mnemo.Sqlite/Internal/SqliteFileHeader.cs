namespace Mnemo.Sqlite.Internal;

/// <summary>The 16-byte magic string every SQLite database file starts with.</summary>
internal static class SqliteFileHeader
{
    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    /// <summary>True when the file exists and starts with SQLite's magic string (whatever state the rest is in).</summary>
    public static bool IsPresent(string path)
    {
        try
        {
            Span<byte> header = stackalloc byte[16];
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.SequenceEqual(Magic);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
