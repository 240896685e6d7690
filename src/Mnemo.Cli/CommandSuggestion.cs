using System.CommandLine;

namespace Mnemo.Cli;

/// <summary>
/// The one error for a command line that names no command, or one that does not exist, where a command is needed:
/// the root and the groups (<c>mnemo lock</c>, <c>mnemo bench</c>) have no action of their own.
/// </summary>
/// <remarks>
/// System.CommandLine reports two errors for <c>mnemo serch</c> ("Required command was not provided" and
/// "Unrecognized command or argument"); a user needs one, naming the closest command.
/// </remarks>
internal static class CommandSuggestion
{
    /// <summary>Groups with at most this many commands list them all when nothing is close to the unknown one.</summary>
    private const int MaxListed = 8;

    /// <summary>
    /// The message for a parse that stopped at a command needing a subcommand, or null when the parse failed otherwise.
    /// </summary>
    /// <param name="parsed">The failed parse.</param>
    /// <param name="path">The command's path as typed, e.g. "mnemo lock".</param>
    public static string? Describe(ParseResult parsed, string path)
    {
        var command = parsed.CommandResult.Command;
        if (command.Subcommands.Count == 0 || command.Action is not null)
        {
            return null;
        }

        var names = command.Subcommands.Where(sub => !sub.Hidden).Select(sub => sub.Name).Order(StringComparer.Ordinal).ToList();
        var given = parsed.UnmatchedTokens.FirstOrDefault();
        if (given is null || given.StartsWith('-'))
        {
            return $"'{path}' needs a command: {Choices(names, path)}";
        }

        var unknown = command is RootCommand ? $"unknown command '{given}'" : $"unknown command '{given}' for '{path}'";
        return Closest(given, command.Subcommands) is { } closest
            ? $"{unknown}: did you mean '{closest}'? (see '{path} --help')"
            : $"{unknown}: {Choices(names, path)}";
    }

    /// <summary>The command name (or alias) nearest to <paramref name="given"/>, or null when none is near enough to be a typo.</summary>
    internal static string? Closest(string given, IEnumerable<Command> commands)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var command in commands.Where(command => !command.Hidden))
        {
            foreach (var name in command.Aliases.Prepend(command.Name))
            {
                // A prefix ("sea") is as good as a one-letter typo; otherwise allow about one edit in three letters.
                var distance = name.StartsWith(given, StringComparison.OrdinalIgnoreCase) && given.Length >= 2
                    ? 1
                    : EditDistance(given.ToLowerInvariant(), name);
                if (distance <= Math.Max(1, name.Length / 3) && distance < bestDistance)
                {
                    (best, bestDistance) = (command.Name, distance);
                }
            }
        }

        return best;
    }

    private static string Choices(List<string> names, string path) => names.Count <= MaxListed
        ? $"use {string.Join(", ", names.SkipLast(1))} or {names[^1]} (see '{path} --help')"
        : $"see '{path} --help' for the commands";

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each count 1.</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
