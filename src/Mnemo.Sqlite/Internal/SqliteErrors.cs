using Microsoft.Data.Sqlite;
using Mnemo.Core.Errors;

namespace Mnemo.Sqlite.Internal;

/// <summary>Turns SQLite's failures into <see cref="MnemoException"/>s whose one-line messages say what to do.</summary>
internal static class SqliteErrors
{
    // Primary result codes (the low byte of an extended code); see https://sqlite.org/rescode.html.
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    /// <summary>The failure as a <see cref="MnemoException"/> naming the file it concerns.</summary>
    /// <param name="e">SQLite's failure.</param>
    /// <param name="path">The file the failure concerns: the database, or a backup being read or written.</param>
    /// <param name="what">What that file is to the user ("database", "backup", "backup file").</param>
    public static MnemoException Translate(SqliteException e, string path, string what = "database")
    {
        var isDatabase = what == "database";
        return (e.SqliteErrorCode & 0xFF) switch
        {
            Busy or Locked => new MnemoException(MnemoErrorCode.Busy,
                $"{what} '{path}' stayed locked by other writers past the busy timeout: retry, or raise MNEMO_BUSY_TIMEOUT", e),
            ReadOnly => new MnemoException(MnemoErrorCode.ReadOnly,
                $"{what} '{path}' is read-only: give yourself write permission on the file and its directory (chmod u+w), or use another " +
                (isDatabase ? "--db" : "path"), e),
            Corrupt => new MnemoException(MnemoErrorCode.Corrupt,
                $"{what} '{path}' is damaged ({e.Message.TrimEnd('.')}): " + (isDatabase ? "restore it with 'mnemo restore BACKUP' or run 'mnemo check'" : "use another backup"), e),
            // SQLite says "not a database" both for foreign files and for SQLite files whose first pages are damaged.
            NotADatabase when SqliteFileHeader.IsPresent(path) => new MnemoException(MnemoErrorCode.Corrupt,
                $"{what} '{path}' is damaged (SQLite can no longer read its structure): " + (isDatabase ? "restore it with 'mnemo restore BACKUP'" : "use another backup"), e),
            NotADatabase => new MnemoException(MnemoErrorCode.NotAMnemoDatabase,
                $"'{path}' is not a SQLite database: " + (isDatabase ? "point --db at a Mnemo database or a new file" : "check the path"), e),
            Full => new MnemoException(MnemoErrorCode.StorageFailure,
                $"disk full while writing {what} '{path}': free space and retry; " + (isDatabase ? "nothing of the failed change was written" : "no partial file was left"), e),
            CantOpen => new MnemoException(MnemoErrorCode.StorageFailure,
                $"cannot open {what} '{path}': check that the path is a file you may read and write", e),
            IoError => new MnemoException(MnemoErrorCode.StorageFailure,
                $"I/O error on {what} '{path}' ({e.Message.TrimEnd('.')}): check the disk" + (isDatabase ? ", then run 'mnemo check'" : ""), e),
            _ => new MnemoException(MnemoErrorCode.StorageFailure, $"SQLite failed on {what} '{path}': {e.Message.TrimEnd('.')}", e),
        };
    }
}
