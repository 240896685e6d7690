using Mnemo.Core.Storage;
using Mnemo.Sqlite;

// In the namespace of the type it extends (as Microsoft.Extensions.DependencyInjection does for IServiceCollection), so
// that `using Mnemo.Core;` is the only using the common path needs.
#pragma warning disable IDE0130 // See above: the namespace of MnemoOptions, not of this folder.
namespace Mnemo.Core;
#pragma warning restore IDE0130

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
