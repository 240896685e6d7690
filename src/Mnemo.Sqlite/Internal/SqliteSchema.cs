using Mnemo.Core.Errors;

namespace Mnemo.Sqlite.Internal;

/// <summary>The database schema, its version, and the forward migrations between versions.</summary>
/// <remarks>
/// <c>PRAGMA application_id</c> marks the file as Mnemo's; <c>PRAGMA user_version</c> holds the schema version.
/// A file with a newer version than <see cref="CurrentVersion"/> is refused rather than misread. Layout: docs/storage-format.md.
/// </remarks>
internal static class SqliteSchema
{
    /// <summary>'MNEM' in ASCII: SQLite's application id for Mnemo databases.</summary>
    public const int ApplicationId = 0x4D4E454D;

    public const int CurrentVersion = 1;

    // Each entry migrates from (index + 1) to (index + 2); version 1 is created directly.
    private static readonly string[] s_migrations = [];

    private const string CreateVersion1 = """
        CREATE TABLE meta (
            name  TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        -- Large payloads, stored once per namespace; entries and versions refer to them by id.
        CREATE TABLE contents (
            id        INTEGER PRIMARY KEY,
            namespace TEXT    NOT NULL,
            hash      BLOB    NOT NULL,   -- SHA-256 of the raw payload
            codec     INTEGER NOT NULL,   -- 0 raw, 1 brotli
            raw_size  INTEGER NOT NULL,
            data      BLOB    NOT NULL
        );
        CREATE UNIQUE INDEX contents_by_hash ON contents (namespace, hash);

        -- The latest version of every key ever written; op <> 0 marks a removal (a tombstone). A rowid table with a
        -- key index, not WITHOUT ROWID: rows carry inline payloads of up to 1 KiB, and measured inserts into a table
        -- clustered on the key were several times slower with rows that large.
        CREATE TABLE entries (
            id           INTEGER PRIMARY KEY,
            key          TEXT    NOT NULL,
            namespace    TEXT    NOT NULL,
            version      INTEGER NOT NULL,
            seq          INTEGER NOT NULL,  -- the change that produced this version
            op           INTEGER NOT NULL,  -- ChangeKind
            payload      BLOB,              -- small payloads inline ...
            content_id   INTEGER,           -- ... large ones in contents
            hash         BLOB,
            raw_size     INTEGER NOT NULL,
            kind         TEXT    NOT NULL,
            tags         TEXT,              -- JSON array
            metadata     TEXT,              -- JSON object
            importance   REAL    NOT NULL,
            agent        TEXT,
            created_at   INTEGER NOT NULL,  -- Unix milliseconds
            updated_at   INTEGER NOT NULL,
            accessed_at  INTEGER,
            access_count INTEGER NOT NULL,
            expires_at   INTEGER
        );
        CREATE UNIQUE INDEX entries_by_key ON entries (key);
        CREATE INDEX entries_by_expiry ON entries (expires_at) WHERE expires_at IS NOT NULL;

        -- Every earlier version, copied from entries when a newer one replaces it.
        CREATE TABLE versions (
            id         INTEGER PRIMARY KEY,
            key        TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            seq        INTEGER NOT NULL,
            op         INTEGER NOT NULL,
            payload    BLOB,
            content_id INTEGER,
            hash       BLOB,
            raw_size   INTEGER NOT NULL,
            kind       TEXT    NOT NULL,
            tags       TEXT,
            metadata   TEXT,
            importance REAL    NOT NULL,
            agent      TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            expires_at INTEGER
        );
        CREATE UNIQUE INDEX versions_by_key ON versions (key, version);

        -- The change sequence: one row per write or removal, in commit order.
        CREATE TABLE changes (
            seq     INTEGER PRIMARY KEY,
            key     TEXT    NOT NULL,
            version INTEGER NOT NULL,
            op      INTEGER NOT NULL,
            agent   TEXT,
            at      INTEGER NOT NULL
        );

        -- Writing a new version of an entry (any UPDATE that sets version) first moves the old one to history, and
        -- every new version is logged: the statements that write entries need no companion statements.
        CREATE TRIGGER entries_keep_history BEFORE UPDATE OF version ON entries
        BEGIN
            INSERT INTO versions (key, version, seq, op, payload, content_id, hash, raw_size, kind, tags, metadata, importance,
                                  agent, created_at, updated_at, expires_at)
            VALUES (OLD.key, OLD.version, OLD.seq, OLD.op, OLD.payload, OLD.content_id, OLD.hash, OLD.raw_size, OLD.kind, OLD.tags,
                    OLD.metadata, OLD.importance, OLD.agent, OLD.created_at, OLD.updated_at, OLD.expires_at);
        END;
        CREATE TRIGGER entries_log_insert AFTER INSERT ON entries
        BEGIN
            INSERT INTO changes (seq, key, version, op, agent, at) VALUES (NEW.seq, NEW.key, NEW.version, NEW.op, NEW.agent, NEW.updated_at);
        END;
        CREATE TRIGGER entries_log_update AFTER UPDATE OF version ON entries
        BEGIN
            INSERT INTO changes (seq, key, version, op, agent, at) VALUES (NEW.seq, NEW.key, NEW.version, NEW.op, NEW.agent, NEW.updated_at);
        END;
        """;

    /// <summary>Creates or migrates the schema inside the caller's write transaction; refuses foreign or newer files.</summary>
    public static void EnsureCurrent(StoreConnection connection, string path)
    {
        var (applicationId, version) = ReadMarks(connection);
        if (applicationId == 0 && version == 0)
        {
            var tables = connection.ScalarLong("SELECT count(*) FROM sqlite_master");
            if (tables != 0)
            {
                throw ForeignDatabase(path);
            }

            connection.Execute(CreateVersion1);
            connection.Execute($"PRAGMA application_id = {ApplicationId}");
            connection.Execute($"PRAGMA user_version = {CurrentVersion}");
            connection.Execute("INSERT INTO meta (name, value) VALUES ('created_by', 'mnemo')");
            return;
        }

        CheckReadable(applicationId, version, path);
        for (var from = version; from < CurrentVersion; from++)
        {
            connection.Execute(s_migrations[from - 1]);
            connection.Execute($"PRAGMA user_version = {from + 1}");
        }
    }

    /// <summary>Checks, without writing, that an existing file is a Mnemo database this version can read.</summary>
    public static int Verify(StoreConnection connection, string path)
    {
        var (applicationId, version) = ReadMarks(connection);
        if (applicationId == 0 && version == 0)
        {
            throw connection.ScalarLong("SELECT count(*) FROM sqlite_master") == 0
                ? new MnemoException(MnemoErrorCode.NotAMnemoDatabase, $"'{path}' holds no Mnemo database yet and is read-only: make it writable so Mnemo can create one")
                : ForeignDatabase(path);
        }

        CheckReadable(applicationId, version, path);
        return (int)version;
    }

    private static (long ApplicationId, long Version) ReadMarks(StoreConnection connection) =>
        (connection.ScalarLong("PRAGMA application_id"), connection.ScalarLong("PRAGMA user_version"));

    private static void CheckReadable(long applicationId, long version, string path)
    {
        if (applicationId != ApplicationId)
        {
            throw ForeignDatabase(path);
        }

        if (version > CurrentVersion)
        {
            throw new MnemoException(MnemoErrorCode.SchemaTooNew,
                $"'{path}' has schema version {version}, newer than this Mnemo's {CurrentVersion}: upgrade mnemo to open it");
        }
    }

    private static MnemoException ForeignDatabase(string path) => new(MnemoErrorCode.NotAMnemoDatabase,
        $"'{path}' is a SQLite database of another application: point --db at a Mnemo database or a new file");
}
