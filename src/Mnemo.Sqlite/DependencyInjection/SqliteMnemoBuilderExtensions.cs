using Mnemo.Core;

#pragma warning disable IDE0130 // Beside AddMnemo, in the namespace of IServiceCollection.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Selects the embedded SQLite store for the engine of <see cref="MnemoServiceCollectionExtensions.AddMnemo"/>.</summary>
public static class SqliteMnemoBuilderExtensions
{
    /// <summary>
    /// Stores memory in a SQLite file: <paramref name="path"/> if given, else the options' <c>DatabasePath</c>, else
    /// <c>memory.db</c> in their <c>HomeDirectory</c>, else <c>~/.mnemo/memory.db</c> (see <see cref="SqliteMnemoExtensions.UseSqlite"/>).
    /// </summary>
    /// <param name="builder">The builder of <c>AddMnemo</c>.</param>
    /// <param name="path">The database file, or null for the rule above.</param>
    /// <returns>The builder.</returns>
    public static IMnemoBuilder UseSqlite(this IMnemoBuilder builder, string? path = null) =>
        builder.ConfigureOptions(options => options.UseSqlite(path));
}
