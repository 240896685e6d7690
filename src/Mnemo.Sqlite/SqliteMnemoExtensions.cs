using Mnemo.Core;
using Mnemo.Core.Storage;

namespace Mnemo.Sqlite;

/// <summary>Selects the embedded SQLite store for a <see cref="MnemoEngine"/>.</summary>
public static class SqliteMnemoExtensions
{
    /// <summary>
    /// Stores memory in a SQLite file: <paramref name="path"/> if given, else <see cref="MnemoOptions.DatabasePath"/>,
    /// else the rule of <see cref="MnemoPaths.ResolveDatabasePath"/> (<see cref="MnemoOptions.HomeDirectory"/>, else <c>~/.mnemo</c>).
    /// </summary>
    public static MnemoOptions UseSqlite(this MnemoOptions options, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (path is not null)
        {
            options.DatabasePath = path;
        }

        options.StoreFactory = static (configured, _) =>
        {
            var (resolved, isDefault) = MnemoPaths.ResolveDatabasePath(configured);
            return new ValueTask<IMemoryStore>(SqliteMemoryStore.Open(resolved, configured, createDirectory: isDefault));
        };
        return options;
    }
}
