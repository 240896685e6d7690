using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Mnemo.Sqlite.Internal;

/// <summary>
/// A statement prepared once on a connection and run through SQLite's C API directly: binding by cached index and
/// reading columns without ADO.NET's per-call bookkeeping. Used on the hot paths (put, get, list, change polling),
/// where that bookkeeping cost more than SQLite's own work.
/// </summary>
/// <remarks>Not thread-safe; always <see cref="Reset"/> after use (the helpers do).</remarks>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Dictionary<string, int> _parameters = new(StringComparer.Ordinal);

    public RawStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _statement));
        var count = raw.sqlite3_bind_parameter_count(_statement);
        for (var i = 1; i <= count; i++)
        {
            _parameters[raw.sqlite3_bind_parameter_name(_statement, i).utf8_to_string()] = i;
        }
    }

    public RawStatement Bind(string name, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, Index(name), value));
        return this;
    }

    public RawStatement Bind(string name, long? value) => value is { } v ? Bind(name, v) : BindNull(name);

    public RawStatement Bind(string name, double value)
    {
        Check(raw.sqlite3_bind_double(_statement, Index(name), value));
        return this;
    }

    public RawStatement Bind(string name, string? value)
    {
        if (value is null)
        {
            return BindNull(name);
        }

        Check(raw.sqlite3_bind_text(_statement, Index(name), value));
        return this;
    }

    public RawStatement Bind(string name, byte[]? value)
    {
        if (value is null)
        {
            return BindNull(name);
        }

        Check(raw.sqlite3_bind_blob(_statement, Index(name), value));
        return this;
    }

    public RawStatement BindNull(string name)
    {
        Check(raw.sqlite3_bind_null(_statement, Index(name)));
        return this;
    }

    /// <summary>Advances to the next row; false when there are no more.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc == raw.SQLITE_DONE)
        {
            return false;
        }

        Throw(raw.sqlite3_reset(_statement) is var reset && reset != raw.SQLITE_OK ? reset : rc);
        return false;
    }

    /// <summary>Runs the statement to its end and resets it; returns the rows it changed.</summary>
    public int Execute()
    {
        try
        {
            while (Step())
            {
            }

            return raw.sqlite3_changes(_db);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Runs the statement, maps its first row (or returns <paramref name="none"/>), and resets it.</summary>
    public T One<T>(Func<RawStatement, T> map, T none)
    {
        try
        {
            return Step() ? map(this) : none;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Readies the statement for its next run: clears the cursor and the bound values.</summary>
    public void Reset()
    {
        raw.sqlite3_reset(_statement);
        raw.sqlite3_clear_bindings(_statement);
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public long Long(int column) => raw.sqlite3_column_int64(_statement, column);

    public int Int(int column) => raw.sqlite3_column_int(_statement, column);

    public double Double(int column) => raw.sqlite3_column_double(_statement, column);

    public string Text(int column) => Encoding.UTF8.GetString(raw.sqlite3_column_blob(_statement, column));

    public string? NullableText(int column) => IsNull(column) ? null : Text(column);

    public byte[] Blob(int column) => raw.sqlite3_column_blob(_statement, column).ToArray();

    public ReadOnlySpan<byte> BlobSpan(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose() => raw.sqlite3_finalize(_statement);

    private int Index(string name) => _parameters.TryGetValue(name, out var index)
        ? index
        : throw new ArgumentException($"statement has no parameter {name}", nameof(name));

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            Throw(rc);
        }
    }

    private void Throw(int rc) =>
        throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
}
