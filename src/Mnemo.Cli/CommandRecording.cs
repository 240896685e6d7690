using System.CommandLine;
using System.CommandLine.Parsing;

namespace Mnemo.Cli;

/// <summary>
/// The action a command is recorded as in the store's action log, for next-action prediction: its command path
/// (<c>store</c>, <c>lock acquire</c>). Commands that serve for long or measure (<c>bench</c>, <c>mcp</c>,
/// <c>daemon</c>, <c>monitor</c>) and those of the log itself (<c>event</c>, <c>predict</c>, <c>patterns</c>) are not
/// recorded: they are not steps of an agent's work, and recording prediction's own queries would teach it to predict them.
/// </summary>
internal static class CommandRecording
{
    private static readonly string[] s_unrecorded = ["bench", "mcp", "daemon", "monitor", "event", "predict", "patterns"];

    /// <summary>The command path to record for <paramref name="parsed"/>, or null when the command is not recorded.</summary>
    public static string? ActionOf(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Insert(0, result.Command.Name);
            }
        }

        return names.Count == 0 || s_unrecorded.Contains(names[0], StringComparer.Ordinal) ? null : string.Join(' ', names);
    }
}
