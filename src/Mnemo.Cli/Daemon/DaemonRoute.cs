using System.Collections;
using System.CommandLine;
using Mnemo.Core;

namespace Mnemo.Cli.Daemon;

/// <summary>Which command lines of a CLI process the daemon runs: the ones whose cost in a fresh process is the model's load.</summary>
internal static class DaemonRoute
{
    // Every other command needs no model (DESIGN "The cost of one call") and answers faster in its own process.
    private static readonly string[] s_forwarded = ["store", "search", "context"];

    /// <summary>
    /// The daemon address for <paramref name="parsed"/>, or null when the command runs in this process: not one the
    /// daemon runs, reads standard input ('-'), is not valid (this process reports that), or <c>MNEMO_DAEMON=off</c>.
    /// </summary>
    /// <exception cref="FormatException"><c>MNEMO_DAEMON</c> is neither <c>auto</c> nor <c>off</c>.</exception>
    public static DaemonAddress? For(ParseResult parsed, IReadOnlyList<string> args, Func<string, string?> variables)
    {
        if (!IsAuto(variables) || parsed.Errors.Count > 0 || !s_forwarded.Contains(parsed.CommandResult.Command.Name) || args.Contains("-"))
        {
            return null;
        }

        MnemoOptions options;
        try
        {
            options = MnemoOptions.FromEnvironment(variables);
        }
        catch (MnemoException)
        {
            // A bad variable: the command, run here, names it.
            return null;
        }

        if (parsed.GetValue(GlobalOptions.Database) is { Length: > 0 } database)
        {
            options.DatabasePath = database;
        }

        return DaemonAddress.For(MnemoPaths.ResolveDatabasePath(options).Path, variables);
    }

    /// <summary>This process's <c>MNEMO_*</c> variables, which the daemon runs the command with.</summary>
    public static Dictionary<string, string> ProcessVariables() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Where(entry => ((string)entry.Key).StartsWith("MNEMO_", StringComparison.Ordinal))
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "");

    private static bool IsAuto(Func<string, string?> variables) => variables(DaemonAddress.ModeVariable) switch
    {
        null or "" or "auto" => true,
        "off" => false,
        var other => throw new FormatException($"{DaemonAddress.ModeVariable}='{other}' is not a daemon mode: use auto (the default) or off"),
    };
}
