using System.CommandLine;
using Mnemo.Cli.Commands;
using Mnemo.Cli.Daemon;

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
    internal static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string, string?> variables, TimeProvider clock,
        CancellationToken cancellationToken = default) =>
        RunAsync(args, NewInvocation(output, error, variables, clock), cancellationToken);

    /// <summary>
    /// Runs the command line of this process: in the database's daemon when one runs and the command is one it serves
    /// (<see cref="DaemonRoute"/>), else here; and starts the daemon when a command here loaded a neural model, so that
    /// the next such command does not load it again.
    /// </summary>
    public static async Task<int> RunProcessAsync(string[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = BuildRoot().Parse(args);
        DaemonAddress? daemon;
        try
        {
            daemon = DaemonRoute.For(parsed, args, Environment.GetEnvironmentVariable);
            if (daemon is not null && await DaemonClient.TryRunAsync(daemon, args, DaemonRoute.ProcessVariables(), cancellationToken).ConfigureAwait(false) is { } reply)
            {
                await Console.Out.WriteAsync(reply.Output).ConfigureAwait(false);
                await Console.Error.WriteAsync(reply.Error).ConfigureAwait(false);
                return reply.ExitCode;
            }
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"mnemo: {e.Message}").ConfigureAwait(false);
            return ExitCodes.CallerError;
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"mnemo: {e.Message}").ConfigureAwait(false);
            return ExitCodes.SystemError;
        }

        var invocation = NewInvocation(Console.Out, Console.Error, Environment.GetEnvironmentVariable, TimeProvider.System);
        var exitCode = await RunAsync(parsed, invocation, cancellationToken).ConfigureAwait(false);
        if (daemon is not null && invocation.LoadedLocalModel)
        {
            DaemonLauncher.TryStart(daemon);
        }

        return exitCode;
    }

    /// <summary>Parses and runs a command line with <paramref name="configuration"/>'s streams, variables, clock and engines.</summary>
    internal static Task<int> RunAsync(string[] args, CliInvocation configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        return RunAsync(BuildRoot().Parse(args), configuration, cancellationToken);
    }

    private static async Task<int> RunAsync(ParseResult parsed, CliInvocation configuration, CancellationToken cancellationToken)
    {
        var error = configuration.Error;
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

    private static CliInvocation NewInvocation(TextWriter output, TextWriter error, Func<string, string?> variables, TimeProvider clock) => new()
    {
        Output = output,
        Error = error,
        EnableDefaultExceptionHandler = false,
        Variables = variables,
        Clock = clock,
    };

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
        root.Subcommands.Add(StateCommand.Create());
        root.Subcommands.Add(LearnCommand.Create());
        root.Subcommands.Add(LinkCommand.Create());
        root.Subcommands.Add(LinkCommand.CreateUnlink());
        root.Subcommands.Add(NeighborsCommand.Create());
        root.Subcommands.Add(ForgetCommand.Create());
        root.Subcommands.Add(CleanCommand.Create());
        root.Subcommands.Add(OptimizeCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(RestoreCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(DoctorCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(HealthCommand.Create());
        root.Subcommands.Add(AclCommand.Create());
        root.Subcommands.Add(ConflictsCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(MonitorCommand.Create());
        root.Subcommands.Add(ShareCommand.Create());
        root.Subcommands.Add(LockCommand.Create());
        root.Subcommands.Add(SessionCommand.Create());
        root.Subcommands.Add(ContextCommand.Create());
        root.Subcommands.Add(SessionCommand.CreateMessage());
        root.Subcommands.Add(OutcomeCommand.Create());
        root.Subcommands.Add(RecommendCommand.Create());
        root.Subcommands.Add(EventCommand.Create());
        root.Subcommands.Add(PredictCommand.Create());
        root.Subcommands.Add(PatternsCommand.Create());
        root.Subcommands.Add(McpCommand.Create());
        root.Subcommands.Add(DaemonCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ErrorCommand.Create());
        root.Subcommands.Add(RecoverCommand.Create());
        root.Subcommands.Add(SuggestCommand.Create());
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
