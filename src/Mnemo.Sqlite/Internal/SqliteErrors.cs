using Microsoft.Data.Sqlite;
using Mnemo.Core;
using Mnemo.Core.Coordination;
using Mnemo.Core.Errors;
using Mnemo.Core.Time;

namespace Mnemo.Sqlite.Internal;

/// <summary>
/// Every <see cref="MnemoException"/> the SQLite store throws, one place per message: SQLite's own failures translated, and
/// the store's refusals. Remedies are <see cref="MnemoHint"/>s, which each face names in its own terms.
/// </summary>
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
        var reason = e.Message.TrimEnd('.');
        return (e.SqliteErrorCode & 0xFF) switch
        {
            Busy or Locked => Fail(MnemoErrorCode.Busy,
                $"{what} '{path}' stayed locked by other writers past the busy timeout: {Hint(MnemoRemedy.RaiseBusyTimeout)}", e),
            ReadOnly when isDatabase => Fail(MnemoErrorCode.ReadOnly,
                $"{what} '{path}' is read-only: give yourself write permission on the file and its directory (chmod u+w), or {Hint(MnemoRemedy.ChooseAnotherDatabase)}", e),
            ReadOnly => Fail(MnemoErrorCode.ReadOnly,
                $"{what} '{path}' is read-only: give yourself write permission on the file and its directory (chmod u+w), or use another path", e),
            Corrupt when isDatabase => Fail(MnemoErrorCode.Corrupt,
                $"{what} '{path}' is damaged ({reason}): {Hint(MnemoRemedy.RestoreBackup)} or {MnemoHint.CheckStore()}", e),
            Corrupt => Fail(MnemoErrorCode.Corrupt, $"{what} '{path}' is damaged ({reason}): use another backup", e),
            // SQLite says "not a database" both for foreign files and for SQLite files whose first pages are damaged.
            NotADatabase when SqliteFileHeader.IsPresent(path) && isDatabase => Fail(MnemoErrorCode.Corrupt,
                $"{what} '{path}' is damaged (SQLite can no longer read its structure): {Hint(MnemoRemedy.RestoreBackup)}", e),
            NotADatabase when SqliteFileHeader.IsPresent(path) => Fail(MnemoErrorCode.Corrupt,
                $"{what} '{path}' is damaged (SQLite can no longer read its structure): use another backup", e),
            NotADatabase when isDatabase => Fail(MnemoErrorCode.NotAMnemoDatabase, $"'{path}' is not a SQLite database: {Hint(MnemoRemedy.PointDatabase)}", e),
            NotADatabase => Fail(MnemoErrorCode.NotAMnemoDatabase, $"'{path}' is not a SQLite database: check the path", e),
            Full => Fail(MnemoErrorCode.StorageFailure,
                $"disk full while writing {what} '{path}': free space and retry; {(isDatabase ? "nothing of the failed change was written" : "no partial file was left")}", e),
            CantOpen => Fail(MnemoErrorCode.StorageFailure, $"cannot open {what} '{path}': check that the path is a file you may read and write", e),
            IoError when isDatabase => Fail(MnemoErrorCode.StorageFailure, $"I/O error on {what} '{path}' ({reason}): check the disk, then {MnemoHint.CheckStore()}", e),
            IoError => Fail(MnemoErrorCode.StorageFailure, $"I/O error on {what} '{path}' ({reason}): check the disk", e),
            _ => Fail(MnemoErrorCode.StorageFailure, $"SQLite failed on {what} '{path}': {reason}", e),
        };
    }

    /// <summary>The path is a directory, not a database file.</summary>
    public static MnemoException PathIsDirectory(string path) =>
        Fail(MnemoErrorCode.NotAMnemoDatabase, $"'{path}' is a directory: give a database file path such as {Path.Combine(path, "memory.db")}");

    /// <summary>The database's directory does not exist and was not to be created.</summary>
    public static MnemoException DatabaseDirectoryMissing(string directory) =>
        Fail(MnemoErrorCode.DirectoryNotFound,
            $"directory '{directory}' does not exist: create it (mkdir -p '{directory}') or {Hint(MnemoRemedy.ChooseAnotherDatabase)}");

    /// <summary>No database can be created at the path (<paramref name="reason"/> says why).</summary>
    public static MnemoException CannotCreate(string path, string reason) =>
        Fail(MnemoErrorCode.StoreReadOnly, $"cannot create a database at '{path}': {reason}; {Hint(MnemoRemedy.ChooseAnotherDatabase)} in a directory you may write");

    /// <summary>The file is not SQLite.</summary>
    public static MnemoException NotSqlite(string path) =>
        Fail(MnemoErrorCode.NotAMnemoDatabase, $"'{path}' is not a SQLite database: {Hint(MnemoRemedy.PointDatabase)}");

    /// <summary>The file is another application's SQLite database.</summary>
    public static MnemoException ForeignDatabase(string path) =>
        Fail(MnemoErrorCode.NotAMnemoDatabase, $"'{path}' is a SQLite database of another application: {Hint(MnemoRemedy.PointDatabase)}");

    /// <summary>An empty read-only file where a database should be created.</summary>
    public static MnemoException EmptyAndReadOnly(string path) =>
        Fail(MnemoErrorCode.NotAMnemoDatabase, $"'{path}' holds no Mnemo database yet and is read-only: make it writable so Mnemo can create one");

    /// <summary>The database has a newer schema than this version knows.</summary>
    public static MnemoException SchemaTooNew(string path, long version, int current) =>
        Fail(MnemoErrorCode.SchemaTooNew, $"'{path}' has schema version {version}, newer than this Mnemo's {current}: upgrade mnemo to open it");

    /// <summary>A file with Mnemo's application id but without a valid version or its marker.</summary>
    public static MnemoException DamagedMarks(string path, string what) =>
        Fail(MnemoErrorCode.Corrupt,
            $"'{path}' carries Mnemo's application id but {what}: it is damaged or of an unsupported format; "
            + $"{Hint(MnemoRemedy.RestoreBackup)} or {Hint(MnemoRemedy.PointDatabase)}");

    /// <summary>An old schema that cannot be upgraded because the database is read-only.</summary>
    public static MnemoException CannotUpgradeReadOnly(string path, long version, string reason, int current) =>
        Fail(MnemoErrorCode.ReadOnly,
            $"'{path}' has schema version {version} and is read-only ({reason}), so it cannot be upgraded to version " +
            $"{current}: make it writable once (chmod u+w '{path}') and open it, or read it with the mnemo that wrote it");

    /// <summary>A write to a store opened read-only.</summary>
    public static MnemoException StoreReadOnly(string location, string reason) =>
        Fail(MnemoErrorCode.StoreReadOnly,
            $"database '{location}' is read-only ({reason}): reads work, but to write, get write permission on the file and its " +
            $"directory (chmod u+w '{location}' as their owner), or {Hint(MnemoRemedy.ChooseAnotherDatabase)}");

    /// <summary>A backup could not copy the whole write-ahead log.</summary>
    public static MnemoException BackupIncomplete(string location) =>
        Fail(MnemoErrorCode.Busy,
            $"could not copy the whole write-ahead log of '{location}': another process holds an old snapshot or checkpoints; retry");

    /// <summary>The backup target exists.</summary>
    public static MnemoException BackupExists(string path) =>
        Fail(MnemoErrorCode.AlreadyExists, $"backup file '{path}' already exists: choose a new file name or delete it first");

    /// <summary>The backup target's directory does not exist.</summary>
    public static MnemoException BackupDirectoryMissing(string directory) =>
        Fail(MnemoErrorCode.DirectoryNotFound, $"directory '{directory}' does not exist: create it (mkdir -p '{directory}') first");

    /// <summary>The backup to restore from does not exist.</summary>
    public static MnemoException BackupMissing(string path) =>
        Fail(MnemoErrorCode.InvalidInput, $"backup file '{path}' does not exist: check the path");

    /// <summary>The backup to restore from is not SQLite.</summary>
    public static MnemoException BackupNotSqlite(string path) =>
        Fail(MnemoErrorCode.NotAMnemoDatabase, $"'{path}' is not a SQLite database, so not a Mnemo backup: check the path");

    /// <summary>The backup to restore from fails the store check.</summary>
    public static MnemoException BackupDamaged(string path, string firstProblem, string more) =>
        Fail(MnemoErrorCode.Corrupt,
            $"backup '{path}' is damaged ({firstProblem}{more}); nothing was restored: use another backup, or {MnemoHint.CheckStore(path)} for the whole list");

    /// <summary>A key at the highest version there may be.</summary>
    public static MnemoException VersionExhausted(string key, long current, long max) =>
        Fail(MnemoErrorCode.InvalidInput,
            $"{UserValue.Quote(key)} is at version {current:N0}, and no version may be higher than {max:N0}: " +
            $"the key cannot change any more; store the entry under another key");

    /// <summary>A write that takes an agent or session beyond its quota.</summary>
    public static MnemoException QuotaExceeded(string what, string owner, long total, string key, long size, long quota) =>
        Fail(MnemoErrorCode.QuotaExceeded,
            $"{what} '{owner}' would hold {total:N0} bytes with '{key}' ({size:N0} bytes), over its quota of {quota:N0}: " +
            $"forget or clean entries it no longer needs, or {Hint(what == "agent" ? MnemoRemedy.RaiseAgentQuota : MnemoRemedy.RaiseSessionQuota)}");

    /// <summary>A write without a fencing token to a key under another holder's exclusive lock.</summary>
    public static MnemoException LockedByOther(string key, LockLease holder) =>
        Fail(MnemoErrorCode.LockNotHeld,
            $"'{key}' is locked exclusively by {holder.DescribeHolder()} ({(holder.IsPrefix ? "prefix" : "key")} '{holder.Resource}', lease ends "
            + $"{Timestamps.Format(holder.ExpiresAt)}): {Hint(MnemoRemedy.PassFencingToken)}; others wait for its release");

    /// <summary>A fencing token presented by another writer than its holder.</summary>
    public static MnemoException TokenOfAnother(long token, string writer, string key, LockLease lease) =>
        Fail(MnemoErrorCode.LockNotHeld,
            $"fencing token {token} does not allow {writer} to write '{key}': the lock on '{lease.Resource}' is held by "
            + $"{lease.DescribeHolder()} until {Timestamps.Format(lease.ExpiresAt)}; only its holder can write with it, others wait for its release");

    /// <summary>A fencing token that is not a live exclusive lock covering the key (<paramref name="problem"/> says why).</summary>
    public static MnemoException StaleToken(long token, string key, string problem) =>
        Fail(MnemoErrorCode.StaleFencingToken,
            $"fencing token {token} does not allow writing '{key}': {problem}; {Hint(MnemoRemedy.AcquireExclusiveLock)} "
            + $"and read the entry again before writing");

    /// <summary>A renew or release of a lock that is not held.</summary>
    public static MnemoException LockGone(string verb, long token) =>
        Fail(MnemoErrorCode.LockNotHeld, $"cannot {verb} lock {token}: no such lock is held (it was released, or its lease ended); acquire it again");

    /// <summary>A renew or release of a lock another agent holds.</summary>
    public static MnemoException LockOfAnother(string verb, long token, LockLease lease, string caller) =>
        Fail(MnemoErrorCode.LockNotHeld,
            $"cannot {verb} lock {token} on '{lease.Resource}': it is held by {lease.DescribeHolder()}, not by {caller}; {Hint(MnemoRemedy.ActAsHolder)}");

    /// <summary>A renew or release of a lock whose lease ended.</summary>
    public static MnemoException LeaseEnded(string verb, long token, LockLease lease) =>
        Fail(MnemoErrorCode.LockNotHeld,
            $"cannot {verb} lock {token} on '{lease.Resource}': its lease ended at {Timestamps.Format(lease.ExpiresAt)}; "
            + $"acquire it again and re-read what it protects");

    private static MnemoException Fail(MnemoErrorCode code, MnemoMessageHandler message, Exception? inner = null) =>
        new(code, MnemoMessage.Of(message), inner);

    private static MnemoHint Hint(MnemoRemedy remedy) => new(remedy);
}
