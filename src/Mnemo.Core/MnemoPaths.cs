namespace Mnemo.Core;

/// <summary>Where the database lives: one rule for the CLI, the MCP server and the library.</summary>
public static class MnemoPaths
{
    /// <summary>Environment variable naming the database file.</summary>
    public const string DatabaseVariable = "MNEMO_DB";

    /// <summary>Environment variable naming Mnemo's home directory.</summary>
    public const string HomeVariable = "MNEMO_HOME";

    /// <summary>Environment variable naming the agent.</summary>
    public const string AgentVariable = "MNEMO_AGENT";

    /// <summary>The environment variable naming the session writes are recorded under.</summary>
    public const string SessionVariable = "MNEMO_SESSION";

    /// <summary>The database file name inside the home directory.</summary>
    public const string DatabaseFileName = "memory.db";

    /// <summary>
    /// Resolves the database path: <see cref="MnemoOptions.DatabasePath"/> (<c>--db</c>, <c>MNEMO_DB</c>), else
    /// <c>memory.db</c> in <see cref="MnemoOptions.HomeDirectory"/> (<c>MNEMO_HOME</c>), else <c>~/.mnemo/memory.db</c>.
    /// </summary>
    /// <remarks>
    /// It reads no environment variable: <see cref="MnemoOptions.FromEnvironment"/> maps <c>MNEMO_DB</c> and
    /// <c>MNEMO_HOME</c> onto the options, so that a library caller who did not ask for the environment is not steered by it.
    /// </remarks>
    /// <returns>The full path and whether it is in a home directory (which may be created).</returns>
    public static (string Path, bool IsDefaultLocation) ResolveDatabasePath(MnemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            return (Path.GetFullPath(options.DatabasePath), false);
        }

        if (!string.IsNullOrWhiteSpace(options.HomeDirectory))
        {
            return (Path.GetFullPath(Path.Combine(options.HomeDirectory, DatabaseFileName)), true);
        }

        var user = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return (Path.Combine(user, ".mnemo", DatabaseFileName), true);
    }
}
