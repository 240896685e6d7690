using System.CommandLine;
using Mnemo.Cli.Commands;

namespace Mnemo.Cli;

/// <summary>Builds the <c>mnemo</c> command tree and runs it.</summary>
public static class MnemoCli
{
    /// <summary>Parses and runs a command line, writing to the given streams; returns the exit code (0 ok, 1 caller error, 2 system error).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, output, error, Environment.GetEnvironmentVariable, TimeProvider.System, cancellationToken);

    /// <summary>
    /// Runs a command line reading <c>MNEMO_*</c> variables from <paramref name="variables"/> and running engines on
    /// <paramref name="clock"/> (see <see cref="CliInvocation"/>).
    /// </summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string, string?> variables, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = BuildRoot();
        var configuration = new CliInvocation
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            Variables = variables,
            Clock = clock,
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var path = CommandPath(parsed);
            if (CommandSuggestion.Describe(parsed, path) is { } missingCommand)
            {
                await error.WriteLineAsync($"mnemo: {missingCommand}").ConfigureAwait(false);
                return ExitCodes.CallerError;
            }

            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"mnemo: {parseError.Message} (see '{path} --help')").ConfigureAwait(false);
            }

            return ExitCodes.CallerError;
        }

        return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The root command with every verb.</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("Mnemo: a memory engine for AI agents. Store, recall, version and maintain memory entries.")
        {
            GlobalOptions.Database,
            GlobalOptions.Json,
            GlobalOptions.Agent,
            GlobalOptions.Session,
        };
        root.Subcommands.Add(StoreCommand.Create());
        root.Subcommands.Add(GetCommand.Create());
        root.Subcommands.Add(ListCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ReindexCommand.Create());
        root.Subcommands.Add(IndexContextCommand.Create());
        root.Subcommands.Add(HistoryCommand.Create());
        root.Subcommands.Add(LinkCommand.Create());
        root.Subcommands.Add(LinkCommand.CreateUnlink());
        root.Subcommands.Add(NeighborsCommand.Create());
        root.Subcommands.Add(ForgetCommand.Create());
        root.Subcommands.Add(CleanCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(RestoreCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(AclCommand.Create());
        root.Subcommands.Add(ConflictsCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(ShareCommand.Create());
        root.Subcommands.Add(LockCommand.Create());
        root.Subcommands.Add(McpCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }

    /// <summary>The command as typed, from "mnemo": "mnemo lock acquire".</summary>
    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Insert(0, result.Command.Name);
            }
        }

        names.Insert(0, "mnemo");
        return string.Join(' ', names);
    }
}
