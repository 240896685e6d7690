using System.CommandLine;

namespace Mnemo.Cli;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "Database file (default: $MNEMO_DB, else $MNEMO_HOME/memory.db, else ~/.mnemo/memory.db)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON instead of tables",
        Recursive = true,
    };

    public static readonly Option<string?> Agent = new("--agent")
    {
        Description = "The agent on whose behalf the command runs (default: $MNEMO_AGENT); recorded on writes, checked by access rules",
        Recursive = true,
    };

    public static readonly Option<string?> Session = new("--session")
    {
        Description = "The session writes belong to (default: $MNEMO_SESSION); recorded on writes and counted against the session quota",
        Recursive = true,
    };
}
