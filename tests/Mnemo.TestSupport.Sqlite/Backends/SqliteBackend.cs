using Mnemo.Core;

namespace Mnemo.TestSupport.Backends;

/// <summary>The embedded SQLite store: one database file, <c>memory.db</c>, in the test's directory.</summary>
public sealed class SqliteBackend : IStoreBackend
{
    /// <summary>The database file of a directory's store.</summary>
    public static string DatabaseIn(string directory) => Path.Combine(directory, "memory.db");

    /// <inheritdoc />
    public static MnemoOptions UseStoreIn(MnemoOptions options, string directory) => options.UseSqlite(DatabaseIn(directory));
}
