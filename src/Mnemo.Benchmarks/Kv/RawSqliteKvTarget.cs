using System.Text;
using Microsoft.Data.Sqlite;

namespace Mnemo.Benchmarks.Kv;

/// <summary>
/// The baseline: the same workload written directly with Microsoft.Data.Sqlite, the way a careful developer would —
/// a key/value table, prepared statements reused, one transaction per batch, and Mnemo's durability settings
/// (WAL, synchronous=NORMAL).
/// </summary>
internal sealed class RawSqliteKvTarget : IKvTarget
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _put;
    private readonly SqliteCommand _get;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;

    private RawSqliteKvTarget(SqliteConnection connection)
    {
        _connection = connection;
        Execute("PRAGMA journal_mode = WAL");
        Execute("PRAGMA synchronous = NORMAL");
        Execute("PRAGMA busy_timeout = 30000");
        Execute("CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value BLOB NOT NULL)");
        _put = Prepare("INSERT INTO kv (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        _put.Parameters.Add("$key", SqliteType.Text);
        _put.Parameters.Add("$value", SqliteType.Blob);
        _get = Prepare("SELECT value FROM kv WHERE key = $key");
        _get.Parameters.Add("$key", SqliteType.Text);
        _begin = Prepare("BEGIN IMMEDIATE");
        _commit = Prepare("COMMIT");
    }

    public string Name => "sqlite";

    public static RawSqliteKvTarget Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return new RawSqliteKvTarget(connection);
    }

    public Task PutBatchAsync(IReadOnlyList<(string Key, string Value)> batch)
    {
        _begin.ExecuteNonQuery();
        foreach (var (key, value) in batch)
        {
            _put.Parameters[0].Value = key;
            _put.Parameters[1].Value = Encoding.UTF8.GetBytes(value);
            _put.ExecuteNonQuery();
        }

        _commit.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    public Task<string?> GetAsync(string key)
    {
        _get.Parameters[0].Value = key;
        using var reader = _get.ExecuteReader();
        return Task.FromResult(reader.Read() ? Encoding.UTF8.GetString((byte[])reader[0]) : null);
    }

    public Task CompleteWritesAsync()
    {
        Execute("PRAGMA wal_checkpoint(FULL)");
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _put.Dispose();
        _get.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Prepare(sql);
        command.ExecuteNonQuery();
    }
}
