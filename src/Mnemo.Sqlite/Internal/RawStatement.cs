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
internal sealed unsafe class RawStatement : IDisposable
{
    private const int Row = 100;   // SQLITE_ROW
    private const int Done = 101;  // SQLITE_DONE
    private const int Null = 5;    // SQLITE_NULL

    // Text up to this many UTF-8 bytes is encoded on the stack; SQLite copies it (SQLITE_TRANSIENT).
    private const int StackTextBytes = 512;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _handle;
    private readonly IntPtr _dbHandle;
    private readonly Dictionary<string, int> _parameters = new(StringComparer.Ordinal);

    public RawStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _statement));
        _handle = _statement.DangerousGetHandle();
        _dbHandle = db.DangerousGetHandle();
        var count = raw.sqlite3_bind_parameter_count(_statement);
        for (var i = 1; i <= count; i++)
        {
            _parameters[raw.sqlite3_bind_parameter_name(_statement, i).utf8_to_string()] = i;
        }
    }

    public RawStatement Bind(string name, long value)
    {
        Check(NativeSqlite.sqlite3_bind_int64(_handle, Index(name), value));
        return this;
    }

    public RawStatement Bind(string name, long? value) => value is { } v ? Bind(name, v) : BindNull(name);

    public RawStatement Bind(string name, double value)
    {
        Check(NativeSqlite.sqlite3_bind_double(_handle, Index(name), value));
        return this;
    }

    public RawStatement Bind(string name, string? value)
    {
        if (value is null)
        {
            return BindNull(name);
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length) <= StackTextBytes ? StackTextBytes : Encoding.UTF8.GetByteCount(value);
        var buffer = length <= StackTextBytes ? stackalloc byte[StackTextBytes] : new byte[length];
        var written = Encoding.UTF8.GetBytes(value, buffer);
        fixed (byte* text = buffer)
        {
            Check(NativeSqlite.sqlite3_bind_text(_handle, Index(name), text, written, NativeSqlite.Transient));
        }

        return this;
    }

    public RawStatement Bind(string name, byte[]? value)
    {
        if (value is null)
        {
            return BindNull(name);
        }

        fixed (byte* data = value)
        {
            // A non-null pointer even for an empty array, so SQLite stores an empty blob rather than NULL.
            byte empty = 0;
            Check(NativeSqlite.sqlite3_bind_blob(_handle, Index(name), value.Length == 0 ? &empty : data, value.Length, NativeSqlite.Transient));
        }

        return this;
    }

    public RawStatement BindNull(string name)
    {
        Check(NativeSqlite.sqlite3_bind_null(_handle, Index(name)));
        return this;
    }

    /// <summary>Advances to the next row; false when there are no more.</summary>
    public bool Step()
    {
        var rc = NativeSqlite.sqlite3_step(_handle);
        if (rc == Row)
        {
            return true;
        }

        if (rc == Done)
        {
            return false;
        }

        Throw(NativeSqlite.sqlite3_reset(_handle) is var reset && reset != raw.SQLITE_OK ? reset : rc);
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

            return NativeSqlite.sqlite3_changes(_dbHandle);
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

    /// <summary>Runs the statement, maps every row, and resets it.</summary>
    public List<T> All<T>(Func<RawStatement, T> map)
    {
        try
        {
            var rows = new List<T>();
            while (Step())
            {
                rows.Add(map(this));
            }

            return rows;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Readies the statement for its next run.</summary>
    /// <remarks>Bound values stay: every caller binds every parameter before each run.</remarks>
    public void Reset() => NativeSqlite.sqlite3_reset(_handle);

    public bool IsNull(int column) => NativeSqlite.sqlite3_column_type(_handle, column) == Null;

    public long Long(int column) => NativeSqlite.sqlite3_column_int64(_handle, column);

    public int Int(int column) => (int)NativeSqlite.sqlite3_column_int64(_handle, column);

    public double Double(int column) => NativeSqlite.sqlite3_column_double(_handle, column);

    public string Text(int column) => Encoding.UTF8.GetString(BlobSpan(column));

    public string? NullableText(int column) => IsNull(column) ? null : Text(column);

    public byte[] Blob(int column) => BlobSpan(column).ToArray();

    /// <summary>The column's bytes, valid until the next step or reset.</summary>
    public ReadOnlySpan<byte> BlobSpan(int column)
    {
        // sqlite3_column_blob before sqlite3_column_bytes, as SQLite's documentation requires.
        var data = NativeSqlite.sqlite3_column_blob(_handle, column);
        return data is null ? [] : new ReadOnlySpan<byte>(data, NativeSqlite.sqlite3_column_bytes(_handle, column));
    }

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
