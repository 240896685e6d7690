using Microsoft.Data.Sqlite;

namespace Mnemo.Sqlite.Internal;

/// <summary>A SQLite connection with its prepared commands, reused by SQL text so each statement is compiled once.</summary>
/// <remarks>Not thread-safe: one caller at a time (the store's writer lock or its reader pool guarantees that).</remarks>
internal sealed class StoreConnection : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RawStatement> _statements = new(StringComparer.Ordinal);

    public StoreConnection(SqliteConnection connection)
    {
        Connection = connection;
    }

    public SqliteConnection Connection { get; }

    private long? _lastSequence;

    /// <summary>
    /// The next number of the change sequence, for a write inside the current immediate transaction: read from the
    /// change log once per transaction, then counted here (no other writer can commit meanwhile).
    /// </summary>
    public long NextSequence()
    {
        _lastSequence ??= HighestSequence();
        _lastSequence++;
        return _lastSequence.Value;
    }

    /// <summary>The highest number of the change sequence in use: versions and feed events share it.</summary>
    public long HighestSequence() =>
        Statement("SELECT max((SELECT coalesce(max(seq), 0) FROM versions), (SELECT coalesce(max(seq), 0) FROM events))").One(row => row.Long(0), 0L);

    /// <summary>Starts an immediate (write) transaction.</summary>
    public void BeginImmediate()
    {
        Statement("BEGIN IMMEDIATE").Execute();
        _lastSequence = null;
    }

    /// <summary>True while a transaction is open (SQLite is not in autocommit mode).</summary>
    public bool InTransaction => SQLitePCL.raw.sqlite3_get_autocommit(Connection.Handle) == 0;

    /// <summary>The prepared command for <paramref name="sql"/>, with its parameters cleared of old values.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        return command;
    }

    /// <summary>The raw prepared statement for <paramref name="sql"/> (one statement only), for hot paths.</summary>
    public RawStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new RawStatement(Connection.Handle!, sql);
            _statements[sql] = statement;
        }

        return statement;
    }

    /// <summary>Runs a statement that returns nothing.</summary>
    public int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Bind(Command(sql), parameters).ExecuteNonQuery();

    /// <summary>Runs a statement that returns one value (null when it returns no row).</summary>
    public object? Scalar(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var value = Bind(Command(sql), parameters).ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Runs a statement that returns a long (0 when it returns no row or NULL).</summary>
    public long ScalarLong(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Scalar(sql, parameters) is { } value ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>Opens a reader over a statement's rows.</summary>
    public SqliteDataReader Query(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Bind(Command(sql), parameters).ExecuteReader();

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _commands.Clear();
        _statements.Clear();
        Connection.Dispose();
    }

    private static SqliteCommand Bind(SqliteCommand command, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var index = command.Parameters.IndexOf(name);
            if (index < 0)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
            else
            {
                command.Parameters[index].Value = value ?? DBNull.Value;
            }
        }

        return command;
    }
}
