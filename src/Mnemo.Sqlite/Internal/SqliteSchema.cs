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

    public const int CurrentVersion = 9;

    // The meta row holding the store's identity: a random id, new for every store created, restored or backed up, that files
    // derived from the store (vector indexes) record, so that a file derived from another store is never taken for one of
    // this store's, whatever sequence numbers the two have.
    private const string IdentityName = "store_id";

    // Each entry migrates from (index + 1) to (index + 2); version 1 is created directly, then migrated forward.
    private static readonly string[] s_migrations = [AddLinksAndEmbeddings, IndexNamespacesAsTokens, AddCoordination, AddImportedBy, AddMetricSamples, AddNamespaceTotals, AddArchived, AddActions];

    // Version 2: links between entries, embeddings cached by model and content hash, and the key as a second full-text
    // column so that a namespace filter narrows the match inside FTS5 instead of after it.
    private const string AddLinksAndEmbeddings = """
        -- The full-text index is derived: recreated with a path column (the key), not weighed in BM25, and rebuilt from the
        -- version log on the next search.
        DROP TABLE search_text;
        CREATE VIRTUAL TABLE search_text USING fts5 (text, path, tokenize = 'porter unicode61');
        INSERT INTO search_text (search_text, rank) VALUES ('rank', 'bm25(1.0, 0.0)');
        DELETE FROM search_docs;
        DELETE FROM derived WHERE name = 'search_text';

        -- Associative links: one row per (from, relation, to). Not versioned; a link to a key that is removed stays and
        -- is ignored until the key is written again.
        CREATE TABLE links (
            from_key   TEXT    NOT NULL,
            relation   TEXT    NOT NULL,
            to_key     TEXT    NOT NULL,
            weight     REAL    NOT NULL,
            agent      TEXT,
            created_at INTEGER NOT NULL,     -- Unix milliseconds
            PRIMARY KEY (from_key, relation, to_key)
        ) WITHOUT ROWID;
        CREATE INDEX links_by_target ON links (to_key);

        -- Vectors of texts, by embedding model and SHA-256 of the text, so a rebuild or a reindex back to a model does
        -- not pay a remote embedder twice for the same text. Little-endian float32.
        CREATE TABLE embeddings (
            model      TEXT    NOT NULL,
            hash       BLOB    NOT NULL,
            dimensions INTEGER NOT NULL,
            vector     BLOB    NOT NULL,
            PRIMARY KEY (model, hash)
        ) WITHOUT ROWID;
        """;

    // Version 3: the full-text index's path column holds one token per namespace of the key (NamespaceTokens) instead of
    // the key's words, so a namespace filter matches one short document list instead of the lists of all its words.
    private const string IndexNamespacesAsTokens = """
        DROP TABLE search_text;
        CREATE VIRTUAL TABLE search_text USING fts5 (text, path, tokenize = 'porter unicode61');
        INSERT INTO search_text (search_text, rank) VALUES ('rank', 'bm25(1.0, 0.0)');
        DELETE FROM search_docs;
        DELETE FROM derived WHERE name = 'search_text';
        """;

    // Version 4: swarm coordination. Events other than entry changes share the change sequence with versions (their seq
    // comes from the same counter), so the change feed is versions and events merged by seq, and an entry write costs no
    // extra row. Layout and rules: docs/storage-format.md and docs/coordination.md.
    private const string AddCoordination = """
        ALTER TABLE versions ADD COLUMN session TEXT;

        -- The change feed's events that are not entry versions: locks, sharing, conflicts, sync marks.
        CREATE TABLE events (
            seq     INTEGER PRIMARY KEY,     -- from the change sequence shared with versions
            type    INTEGER NOT NULL,        -- FeedEventType
            key     TEXT,                    -- the entry key or lock resource concerned
            agent   TEXT,
            at      INTEGER NOT NULL,        -- Unix milliseconds
            detail  TEXT                     -- JSON object
        );
        CREATE INDEX events_by_time ON events (at);

        -- Access rules: an agent ('*' for every agent) holds a right on every key under a prefix. No rows: open.
        CREATE TABLE acl (
            agent      TEXT    NOT NULL,
            prefix     TEXT    NOT NULL,
            access     INTEGER NOT NULL,     -- 1 read, 2 write (implies read), 3 admin (implies write)
            granted_by TEXT,
            granted_at INTEGER NOT NULL,
            PRIMARY KEY (agent, prefix)
        ) WITHOUT ROWID;

        -- Leased locks on a key or a key prefix. The token is the fencing token: AUTOINCREMENT never reuses one.
        CREATE TABLE locks (
            token       INTEGER PRIMARY KEY AUTOINCREMENT,
            resource    TEXT    NOT NULL,
            is_prefix   INTEGER NOT NULL,
            mode        INTEGER NOT NULL,    -- 1 shared, 2 exclusive
            agent       TEXT,
            owner       TEXT    NOT NULL,    -- the holder's own id, so a holder can renew and release only its lock
            acquired_at INTEGER NOT NULL,
            expires_at  INTEGER NOT NULL
        );

        -- Conflict policies by key prefix (the longest matching prefix applies; none: last-write-wins).
        CREATE TABLE policies (
            prefix TEXT    PRIMARY KEY,
            policy INTEGER NOT NULL,         -- ConflictPolicy
            set_by TEXT,
            set_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        -- Writes kept beside the current version under the manual policy, until resolved.
        CREATE TABLE siblings (
            id           INTEGER PRIMARY KEY,
            key          TEXT    NOT NULL,
            base_version INTEGER NOT NULL,   -- the version the writer had read
            payload      BLOB    NOT NULL,
            kind         TEXT    NOT NULL,
            tags         TEXT,
            metadata     TEXT,
            importance   REAL    NOT NULL,
            agent        TEXT,
            session      TEXT,
            created_at   INTEGER NOT NULL
        );
        CREATE INDEX siblings_by_key ON siblings (key);

        -- Bytes of current entries per writing agent ('agent:NAME') and session ('session:ID'), kept by every write.
        CREATE TABLE usage (
            scope TEXT    PRIMARY KEY,
            bytes INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO usage (scope, bytes)
            SELECT 'agent:' || v.agent, sum(v.raw_size + coalesce(length(CAST(v.metadata AS BLOB)), 0))
            FROM entries e JOIN versions v ON v.seq = e.seq WHERE v.op = 0 AND v.agent IS NOT NULL GROUP BY v.agent;
        """;

    // Version 5: who imported a version. An import writes as its caller; an admin's import keeps the agent each line names
    // in `agent` and records the importer here, and quotas charge coalesce(imported_by, agent). Existing rows were not
    // imported as far as the store knows (NULL), so their usage stays with their agent as before.
    private const string AddImportedBy = """
        ALTER TABLE versions ADD COLUMN imported_by TEXT;
        """;

    // Version 6: the metrics history. Each process using the store samples its memory and the store's sizes into it, so
    // that their figures meet in one place; every insert trims it to a count and an age, so it stays bounded. Not part of
    // the data: no change-log sequence, not exported, not checked against versions. IF NOT EXISTS: a file whose version
    // mark was lowered by hand (tests of older migrations do so) may hold the table already.
    private const string AddMetricSamples = """
        CREATE TABLE IF NOT EXISTS metric_samples (
            id         INTEGER PRIMARY KEY,  -- increasing in insertion order
            pid        INTEGER NOT NULL,
            host       TEXT    NOT NULL,
            agent      TEXT,
            at         INTEGER NOT NULL,     -- Unix milliseconds
            snapshot   TEXT    NOT NULL      -- compact JSON (MetricsSnapshotJson)
        );
        CREATE INDEX IF NOT EXISTS metric_samples_by_time ON metric_samples (at);
        """;

    // Version 7: running totals per namespace, so that measuring the store (metrics samples, taken by every long-running
    // process at an interval) reads one row per namespace instead of scanning every entry and version: measured at 40,000
    // entries, the scan cost 42 ms per sample. Triggers keep them, so every path that writes versions or entries (writes,
    // removals, purges, trims, imports) counts alike. A version counts as live while entries points at it and its row
    // exists: both the entries triggers and the versions delete trigger look at both, whichever of the two changes first.
    // `versions` counts version rows (restore markers excepted) and `current` those an entry points at, so history is
    // their difference. Entries and bytes count current puts, expired ones included until they are purged, as quotas do.
    private const string AddNamespaceTotals = """
        CREATE TABLE IF NOT EXISTS namespace_totals (
            namespace TEXT    PRIMARY KEY,
            versions  INTEGER NOT NULL,
            current   INTEGER NOT NULL,
            entries   INTEGER NOT NULL,
            bytes     INTEGER NOT NULL
        ) WITHOUT ROWID;
        DELETE FROM namespace_totals;
        INSERT INTO namespace_totals (namespace, versions, current, entries, bytes)
            SELECT namespace, count(*), 0, 0, 0 FROM versions WHERE op <> 4 GROUP BY namespace;
        INSERT INTO namespace_totals (namespace, versions, current, entries, bytes)
            SELECT v.namespace, 0, count(*), sum(v.op = 0),
                   sum(CASE WHEN v.op = 0 THEN v.raw_size + coalesce(length(CAST(v.metadata AS BLOB)), 0) ELSE 0 END)
            FROM entries e JOIN versions v ON v.seq = e.seq WHERE v.op <> 4 GROUP BY v.namespace
            ON CONFLICT (namespace) DO UPDATE SET
                current = current + excluded.current, entries = entries + excluded.entries, bytes = bytes + excluded.bytes;

        CREATE TRIGGER IF NOT EXISTS versions_insert_totals AFTER INSERT ON versions WHEN new.op <> 4 BEGIN
            INSERT INTO namespace_totals (namespace, versions, current, entries, bytes) VALUES (new.namespace, 1, 0, 0, 0)
            ON CONFLICT (namespace) DO UPDATE SET versions = versions + 1;
        END;
        CREATE TRIGGER IF NOT EXISTS versions_delete_totals AFTER DELETE ON versions WHEN old.op <> 4 BEGIN
            UPDATE namespace_totals SET
                versions = versions - 1,
                current = current - (e.key IS NOT NULL),
                entries = entries - (e.key IS NOT NULL AND old.op = 0),
                bytes = bytes - CASE WHEN e.key IS NOT NULL AND old.op = 0
                                     THEN old.raw_size + coalesce(length(CAST(old.metadata AS BLOB)), 0) ELSE 0 END
            FROM (SELECT (SELECT key FROM entries WHERE key = old.key AND seq = old.seq) AS key) e
            WHERE namespace = old.namespace;
        END;
        -- Mnemo only ever updates prev_seq; this keeps the totals right when a version's counted columns are edited by hand.
        CREATE TRIGGER IF NOT EXISTS versions_update_totals AFTER UPDATE OF namespace, op, raw_size, metadata ON versions BEGIN
            UPDATE namespace_totals SET
                versions = versions - (old.op <> 4),
                current = current - (e.key IS NOT NULL AND old.op <> 4),
                entries = entries - (e.key IS NOT NULL AND old.op = 0),
                bytes = bytes - CASE WHEN e.key IS NOT NULL AND old.op = 0
                                     THEN old.raw_size + coalesce(length(CAST(old.metadata AS BLOB)), 0) ELSE 0 END
            FROM (SELECT (SELECT key FROM entries WHERE key = old.key AND seq = old.seq) AS key) e
            WHERE namespace = old.namespace;
            INSERT INTO namespace_totals (namespace, versions, current, entries, bytes)
                SELECT new.namespace, new.op <> 4, e.key IS NOT NULL AND new.op <> 4, e.key IS NOT NULL AND new.op = 0,
                       CASE WHEN e.key IS NOT NULL AND new.op = 0
                            THEN new.raw_size + coalesce(length(CAST(new.metadata AS BLOB)), 0) ELSE 0 END
                FROM (SELECT (SELECT key FROM entries WHERE key = new.key AND seq = new.seq) AS key) e WHERE true
            ON CONFLICT (namespace) DO UPDATE SET versions = versions + excluded.versions, current = current + excluded.current,
                entries = entries + excluded.entries, bytes = bytes + excluded.bytes;
        END;
        CREATE TRIGGER IF NOT EXISTS entries_insert_totals AFTER INSERT ON entries BEGIN
            UPDATE namespace_totals SET
                current = current + 1, entries = entries + (v.op = 0),
                bytes = bytes + CASE WHEN v.op = 0 THEN v.raw_size + coalesce(length(CAST(v.metadata AS BLOB)), 0) ELSE 0 END
            FROM (SELECT namespace, op, raw_size, metadata FROM versions WHERE seq = new.seq AND op <> 4) v
            WHERE namespace_totals.namespace = v.namespace;
        END;
        CREATE TRIGGER IF NOT EXISTS entries_update_totals AFTER UPDATE OF seq ON entries BEGIN
            UPDATE namespace_totals SET
                current = current + 1 - (o.op IS NOT NULL), entries = entries + (n.op = 0) - coalesce(o.op = 0, 0),
                bytes = bytes + n.size - coalesce(o.size, 0)
            FROM (SELECT namespace, op, CASE WHEN op = 0 THEN raw_size + coalesce(length(CAST(metadata AS BLOB)), 0) ELSE 0 END AS size
                  FROM versions WHERE seq = new.seq AND op <> 4) n
            LEFT JOIN (SELECT op, CASE WHEN op = 0 THEN raw_size + coalesce(length(CAST(metadata AS BLOB)), 0) ELSE 0 END AS size
                       FROM versions WHERE seq = old.seq AND op <> 4) o
            WHERE namespace_totals.namespace = n.namespace;
        END;
        CREATE TRIGGER IF NOT EXISTS entries_delete_totals AFTER DELETE ON entries BEGIN
            UPDATE namespace_totals SET
                current = current - 1, entries = entries - (v.op = 0),
                bytes = bytes - CASE WHEN v.op = 0 THEN v.raw_size + coalesce(length(CAST(v.metadata AS BLOB)), 0) ELSE 0 END
            FROM (SELECT namespace, op, raw_size, metadata FROM versions WHERE seq = old.seq AND op <> 4) v
            WHERE namespace_totals.namespace = v.namespace;
        END;
        """;

    // Version 8: the versions archive-cold moved to compressed storage (mnemo optimize --strategy archive-cold). Storage
    // only: the version keeps its number, hash, raw size and place in the log; its payload moves from versions.payload to
    // a Brotli row of contents when that saves space. Listed here so that the vector index leaves it out (a rebuild too)
    // while full-text search and reads go on as before. A version's row goes with it when the version is deleted.
    private const string AddArchived = """
        CREATE TABLE IF NOT EXISTS archived (
            seq         INTEGER PRIMARY KEY,  -- versions.seq of the archived version
            archived_at INTEGER NOT NULL      -- Unix milliseconds
        );
        CREATE TRIGGER IF NOT EXISTS versions_delete_archived AFTER DELETE ON versions BEGIN
            DELETE FROM archived WHERE seq = old.seq;
        END;
        """;

    // Version 9: the action log that next-action prediction learns from (docs/learning-prediction.md): Mnemo's own CLI
    // commands and MCP tool calls, and events agents log. A table, not entries, so that recording a call costs one small
    // insert and never reaches search, history or quotas. Bounded like the metrics history: every insert trims it to its
    // newest ActionHistoryLimit rows by id. Not data: no change-log sequence, not exported, not checked.
    private const string AddActions = """
        CREATE TABLE IF NOT EXISTS actions (
            id      INTEGER PRIMARY KEY,  -- increasing in insertion order
            at      INTEGER NOT NULL,     -- Unix milliseconds
            agent   TEXT,
            session TEXT,
            source  TEXT    NOT NULL,     -- 'cli', 'mcp' or 'event'
            action  TEXT    NOT NULL,     -- 1..64 characters (ActionNames)
            pid     INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS actions_by_time ON actions (at);
        """;

    private const string CreateVersion1 = """
        CREATE TABLE meta (
            name  TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        -- Large payloads, stored once per namespace; versions refer to them by id.
        CREATE TABLE contents (
            id        INTEGER PRIMARY KEY,
            namespace TEXT    NOT NULL,
            hash      BLOB    NOT NULL,   -- SHA-256 of the raw payload
            codec     INTEGER NOT NULL,   -- 0 raw, 1 brotli
            raw_size  INTEGER NOT NULL,
            data      BLOB    NOT NULL
        );
        CREATE UNIQUE INDEX contents_by_hash ON contents (namespace, hash);

        -- Every version of every key, appended in commit order: at once the history and the change sequence.
        -- Appending at the end of the rowid B-tree is the cheapest write SQLite has; a key's history is the chain of
        -- prev_seq links from its current version, so no index on key is needed.
        CREATE TABLE versions (
            seq        INTEGER PRIMARY KEY,  -- the change sequence number
            key        TEXT    NOT NULL,
            namespace  TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            prev_seq   INTEGER,              -- the key's previous version; NULL for the first (or after a purge)
            op         INTEGER NOT NULL,     -- ChangeKind: 0 put, others removals (no content)
            payload    BLOB,                 -- small payloads inline ...
            content_id INTEGER,              -- ... large ones in contents
            hash       BLOB,
            raw_size   INTEGER NOT NULL,
            kind       TEXT    NOT NULL,
            tags       TEXT,                 -- JSON array
            metadata   TEXT,                 -- JSON object
            importance REAL    NOT NULL,
            agent      TEXT,
            created_at INTEGER NOT NULL,     -- Unix milliseconds
            updated_at INTEGER NOT NULL,
            expires_at INTEGER
        );

        -- The current version of every key ever written: the smallest possible rows, clustered on the key, because
        -- this is the one B-tree every write updates at a random place (measured: the cost of a write grows with it).
        CREATE TABLE entries (
            key TEXT    PRIMARY KEY,
            seq INTEGER NOT NULL             -- versions.seq of the current version
        ) WITHOUT ROWID;

        -- Read statistics of live entries: written only when buffered reads are flushed, never by writes.
        CREATE TABLE access (
            key          TEXT    PRIMARY KEY,
            accessed_at  INTEGER NOT NULL,
            access_count INTEGER NOT NULL
        ) WITHOUT ROWID;

        -- Structures derived from the version log, and the last change (versions.seq) each covers: they catch up
        -- from the log when used, so writes never pay for them and a lost one is rebuilt.
        CREATE TABLE derived (
            name TEXT    PRIMARY KEY,
            seq  INTEGER NOT NULL
        ) WITHOUT ROWID;

        -- Full-text index of current texts: rowid = the versions.seq of the indexed version; search_docs says which
        -- version of each key is indexed, so catching up can drop the one it replaces.
        CREATE VIRTUAL TABLE search_text USING fts5 (text, tokenize = 'porter unicode61');
        CREATE TABLE search_docs (
            key TEXT    PRIMARY KEY,
            seq INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    /// <summary>
    /// Checks, by reading only, that an existing file is a Mnemo database this version can open, or an empty one a new
    /// store may be created in; returns its schema version, or null when it is empty. Called before anything that could
    /// change the file (even <c>PRAGMA journal_mode</c>), so that another application's database is refused unchanged.
    /// </summary>
    public static int? Inspect(StoreConnection connection, string path)
    {
        var (applicationId, version, objects) = ReadMarks(connection);
        if (applicationId == 0 && version == 0)
        {
            return objects == 0 ? null : throw SqliteErrors.ForeignDatabase(path);
        }

        CheckReadable(connection, applicationId, version, path);
        return (int)version;
    }

    /// <summary>Creates or migrates the schema inside the caller's write transaction; refuses foreign or newer files.</summary>
    public static void EnsureCurrent(StoreConnection connection, string path)
    {
        // Checked again inside the write transaction: another process may have created the store since Inspect.
        var version = Inspect(connection, path);
        if (version is null)
        {
            connection.Execute(CreateVersion1);
            connection.Execute($"PRAGMA application_id = {ApplicationId}");
            connection.Execute("INSERT INTO meta (name, value) VALUES ('created_by', 'mnemo')");
            version = 1;
        }

        for (var from = version.Value; from < CurrentVersion; from++)
        {
            connection.Execute(s_migrations[from - 1]);
            connection.Execute($"PRAGMA user_version = {from + 1}");
        }

        // Stores made before identities existed get one now; an existing one is kept (no page changes).
        connection.Execute("INSERT INTO meta (name, value) VALUES ($name, $value) ON CONFLICT (name) DO NOTHING",
            ("$name", IdentityName), ("$value", Guid.NewGuid().ToString("N")));
    }

    /// <summary>
    /// True when an existing store of schema <paramref name="version"/> (from <see cref="Inspect"/>) needs nothing written
    /// to open: the current schema, an identity, and the write-ahead log as its journal. Reads only.
    /// </summary>
    public static bool IsReady(StoreConnection connection, int? version) =>
        version == CurrentVersion
        && ReadIdentity(connection) != Guid.Empty
        && string.Equals(connection.Scalar("PRAGMA journal_mode") as string, "wal", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gives the store a new identity, inside the caller's write transaction: it is now another store than before.</summary>
    public static void Reidentify(StoreConnection connection) =>
        connection.Execute("INSERT INTO meta (name, value) VALUES ($name, $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            ("$name", IdentityName), ("$value", Guid.NewGuid().ToString("N")));

    /// <summary>The store's identity, or <see cref="Guid.Empty"/> for a read-only store made before identities existed.</summary>
    public static Guid ReadIdentity(StoreConnection connection) =>
        Guid.TryParseExact(connection.Statement("SELECT value FROM meta WHERE name = $name").Bind("$name", IdentityName)
            .One(row => row.NullableText(0), null), "N", out var identity) ? identity : Guid.Empty;

    /// <summary>Checks, without writing, that an existing file is a Mnemo database this version can read.</summary>
    public static int Verify(StoreConnection connection, string path) =>
        Inspect(connection, path) ?? throw SqliteErrors.EmptyAndReadOnly(path);

    // One statement, so one snapshot: read apart, the marks could predate another process's commit of a new store and
    // the schema count follow it, and a store being created concurrently would look like another application's file.
    private static (long ApplicationId, long Version, long Objects) ReadMarks(StoreConnection connection) =>
        connection.Statement("""
            SELECT (SELECT application_id FROM pragma_application_id()), (SELECT user_version FROM pragma_user_version()),
                   (SELECT count(*) FROM sqlite_master)
            """).One(row => (row.Long(0), row.Long(1), row.Long(2)), (0L, 0L, 0L));

    private static void CheckReadable(StoreConnection connection, long applicationId, long version, string path)
    {
        if (applicationId != ApplicationId)
        {
            throw SqliteErrors.ForeignDatabase(path);
        }

        if (version > CurrentVersion)
        {
            throw SqliteErrors.SchemaTooNew(path, version, CurrentVersion);
        }

        // Every Mnemo database has a version from 1 on and the marker row written with its schema; a file that has the
        // application id without them was damaged (or made by hand), and migrating it would misread it.
        if (version < 1 || !HasMarker(connection))
        {
            throw SqliteErrors.DamagedMarks(path, version < 1 ? $"schema version {version}, which no Mnemo writes" : "not its metadata marker");
        }
    }

    private static bool HasMarker(StoreConnection connection) =>
        connection.ScalarLong("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'") == 1
        && connection.Scalar("SELECT value FROM meta WHERE name = 'created_by'") is "mnemo";
}
