using System.Runtime.InteropServices;

namespace Mnemo.Sqlite.Internal;

/// <summary>
/// The few SQLite C functions the hot paths call, bound directly to the bundled library (e_sqlite3, the same one
/// Microsoft.Data.Sqlite loads). SQLitePCL's wrappers add an interface call and SafeHandle reference counting to
/// each call, about 20-30 ns; a write binds and reads some 70 values, so that was a measurable share of a write.
/// </summary>
/// <remarks>
/// Short calls that never block or call back into .NET are marked <see cref="SuppressGCTransitionAttribute"/>;
/// <c>sqlite3_step</c> and <c>sqlite3_reset</c> are not, since they may do I/O or release locks.
/// </remarks>
internal static unsafe partial class NativeSqlite
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLite copies bound text and blobs before the call returns (SQLITE_TRANSIENT).</summary>
    public static readonly IntPtr Transient = new(-1);

    [LibraryImport(Library)]
    public static partial int sqlite3_step(IntPtr statement);

    [LibraryImport(Library)]
    public static partial int sqlite3_reset(IntPtr statement);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_bind_int64(IntPtr statement, int index, long value);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_bind_double(IntPtr statement, int index, double value);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_bind_null(IntPtr statement, int index);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_bind_text(IntPtr statement, int index, byte* text, int bytes, IntPtr destructor);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_bind_blob(IntPtr statement, int index, byte* data, int bytes, IntPtr destructor);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_column_type(IntPtr statement, int column);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial long sqlite3_column_int64(IntPtr statement, int column);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial double sqlite3_column_double(IntPtr statement, int column);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial byte* sqlite3_column_blob(IntPtr statement, int column);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_column_bytes(IntPtr statement, int column);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_changes(IntPtr connection);
}
