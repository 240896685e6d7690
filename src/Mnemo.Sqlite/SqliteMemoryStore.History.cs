namespace Mnemo.Sqlite;

internal sealed partial class SqliteMemoryStore
{
    // The key's chain from its current version back along prev_seq: the versions its history shows.
    private const string SelectChainVersions = """
        WITH RECURSIVE chain (seq) AS (
            SELECT seq FROM entries WHERE key = $key
            UNION ALL
            SELECT v.prev_seq FROM versions v JOIN chain ON v.seq = chain.seq WHERE v.prev_seq IS NOT NULL)
        SELECT v.seq, v.version FROM chain JOIN versions v ON v.seq = chain.seq ORDER BY v.version DESC
        """;

    /// <inheritdoc />
    public ValueTask<int> TrimHistoryAsync(string key, long keepFromVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return WriteAsync(connection =>
        {
            var chain = connection.Statement(SelectChainVersions).Bind("$key", key).All(row => (Seq: row.Long(0), Version: row.Long(1)));
            if (chain.Count < 2)
            {
                return 0;
            }

            // The newest version always stays, whatever keepFromVersion says: a key's current content is never trimmed.
            var erased = 0;
            var oldestKept = chain[0].Seq;
            foreach (var (seq, version) in chain.Skip(1))
            {
                if (version >= keepFromVersion)
                {
                    oldestKept = seq;
                    continue;
                }

                erased += connection.Statement("DELETE FROM versions WHERE seq = $seq").Bind("$seq", seq).Execute();
            }

            if (erased > 0)
            {
                // The oldest kept version starts the chain now, as the first write of a key does.
                connection.Statement("UPDATE versions SET prev_seq = NULL WHERE seq = $seq").Bind("$seq", oldestKept).Execute();
            }

            return erased;
        }, cancellationToken);
    }
}
