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
    /// Resolves the database path: <paramref name="explicitPath"/> (<c>--db</c>), else <c>MNEMO_DB</c>, else
    /// <c>$MNEMO_HOME/memory.db</c>, else <c>~/.mnemo/memory.db</c>.
    /// </summary>
    /// <returns>The full path and whether it is the default home location (whose directory may be created).</returns>
    public static (string Path, bool IsDefaultLocation) ResolveDatabasePath(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return (Path.GetFullPath(explicitPath), false);
        }

        if (Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } fromEnvironment)
        {
            return (Path.GetFullPath(fromEnvironment), false);
        }

        if (Environment.GetEnvironmentVariable(HomeVariable) is { Length: > 0 } home)
        {
            return (Path.GetFullPath(Path.Combine(home, DatabaseFileName)), true);
        }

        var user = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return (Path.Combine(user, ".mnemo", DatabaseFileName), true);
    }
}
