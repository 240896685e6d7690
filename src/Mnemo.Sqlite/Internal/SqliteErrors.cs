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

    public static MnemoException Translate(SqliteException e, string path) => (e.SqliteErrorCode & 0xFF) switch
    {
        Busy or Locked => new MnemoException(MnemoErrorCode.Busy,
            $"database '{path}' stayed locked by other writers past the busy timeout: retry, or raise MNEMO_BUSY_TIMEOUT", e),
        ReadOnly => new MnemoException(MnemoErrorCode.ReadOnly,
            $"database '{path}' is read-only: give yourself write permission on the file and its directory (chmod u+w), or use another --db", e),
        Corrupt => new MnemoException(MnemoErrorCode.Corrupt,
            $"database '{path}' is damaged ({e.Message.TrimEnd('.')}): restore it with 'mnemo restore BACKUP' or run 'mnemo check'", e),
        // SQLite says "not a database" both for foreign files and for SQLite files whose first pages are damaged.
        NotADatabase when SqliteFileHeader.IsPresent(path) => new MnemoException(MnemoErrorCode.Corrupt,
            $"database '{path}' is damaged (SQLite can no longer read its structure): restore it with 'mnemo restore BACKUP'", e),
        NotADatabase => new MnemoException(MnemoErrorCode.NotAMnemoDatabase,
            $"'{path}' is not a SQLite database: point --db at a Mnemo database or a new file", e),
        Full => new MnemoException(MnemoErrorCode.StorageFailure,
            $"disk full while writing '{path}': free space and retry; nothing of the failed change was written", e),
        CantOpen => new MnemoException(MnemoErrorCode.StorageFailure,
            $"cannot open '{path}': check that the path is a file you may read and write", e),
        IoError => new MnemoException(MnemoErrorCode.StorageFailure,
            $"I/O error on '{path}' ({e.Message.TrimEnd('.')}): check the disk, then run 'mnemo check'", e),
        _ => new MnemoException(MnemoErrorCode.StorageFailure, $"SQLite failed on '{path}': {e.Message.TrimEnd('.')}", e),
    };
}
