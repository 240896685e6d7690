using System.Text;
using Microsoft.Data.Sqlite;

namespace Mnemo.Sqlite.Internal;

/// <summary>How a database this process must not change is opened, so that reading it leaves no file behind.</summary>
/// <remarks>
/// A read-only connection to a database in WAL mode still creates the <c>-wal</c> and <c>-shm</c> files when they are
/// missing, owned by the reader and with the database's permission bits, and cannot remove them when it closes: a reader
/// as another user left 0444 files that then blocked every later read and write by the owner. When neither file exists,
/// no process has the database open (a WAL connection keeps both while it lives) and everything committed is in the
/// database file, so SQLite's <c>immutable=1</c> reads it without locks and without creating anything. When they exist,
/// a writer may be working or left a log behind that holds committed changes: then a plain read-only connection reads
/// through them (SQLite reads a write-ahead log it may not write since 3.22).
/// Limit: an immutable reader neither sees nor locks out a writer that starts after it opened (the owner, having made
/// the file writable again): a short command rarely meets one, but a long-lived reader (a server) should be restarted
/// once the owner writes again.
/// </remarks>
internal static class ReadOnlyOpen
{
    /// <summary>The connection string of a read-only connection to <paramref name="path"/>.</summary>
    public static string ConnectionString(string path, int defaultTimeoutSeconds = 30)
    {
        var quiet = !OperatingSystem.IsWindows() && !File.Exists(path + "-wal") && !File.Exists(path + "-shm");
        return new SqliteConnectionStringBuilder
        {
            DataSource = quiet ? $"file:{Escape(path)}?immutable=1" : path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = defaultTimeoutSeconds,
        }.ToString();
    }

    /// <summary>A path as the path of a SQLite URI: every byte but unreserved characters and '/' percent-encoded.</summary>
    private static string Escape(string path)
    {
        var escaped = new StringBuilder(path.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.' or '_' or '~')
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }
}
