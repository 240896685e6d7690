using System.CommandLine;
using Mnemo.Cli.Daemon;
using Mnemo.Core;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo daemon run|status|stop</c>: the resident process of a database that keeps the model and the index warm for
/// <c>store</c> and <c>search</c> (<see cref="DaemonServer"/>). It starts by itself after a command loads a model; these
/// verbs run it in the foreground, show it, and end it.
/// </summary>
internal static class DaemonCommand
{
    private static readonly TimeSpan s_defaultIdleExit = TimeSpan.FromMinutes(10);

    public static Command Create()
    {
        var command = new Command("daemon", "The resident process that keeps the model and index warm for store and search (starts by itself; MNEMO_DAEMON=off disables it)");
        command.Subcommands.Add(CreateRun());
        command.Subcommands.Add(CreateStatus());
        command.Subcommands.Add(CreateStop());
        return command;
    }

    private static Command CreateRun()
    {
        var idle = new Option<string?>("--idle") { Description = $"End after this long without a request, e.g. 30s, 10m, 2h (default: {DaemonAddress.IdleVariable}, else 10m)" };
        var command = new Command("run", "Serve the database's store and search commands from this process until idle, stopped or interrupted") { idle };
        command.SetBody(async context =>
        {
            var idleExit = CliParsing.Duration("--idle", context.Value(idle))
                ?? CliParsing.Duration(DaemonAddress.IdleVariable, context.Variables(DaemonAddress.IdleVariable))
                ?? s_defaultIdleExit;
            if (idleExit <= TimeSpan.Zero)
            {
                throw new FormatException($"--idle {context.Value(idle)} is not a positive duration: use e.g. 30s or 10m");
            }

            var address = AddressOf(context);
            var served = await DaemonServer.RunAsync(address, idleExit, socket => context.Error.WriteLine(
                $"mnemo daemon: serving {address.DatabasePath} on {socket}; ends after {idleExit} without a request ('mnemo daemon stop' ends it now)"),
                context.CancellationToken).ConfigureAwait(false);
            if (!served)
            {
                await context.Error.WriteLineAsync($"mnemo: a daemon already serves {address.DatabasePath}: see 'mnemo daemon status'").ConfigureAwait(false);
                return ExitCodes.CallerError;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateStatus()
    {
        var command = new Command("status", "Show whether a daemon serves the database, since when and how many commands it ran");
        command.SetBody(async context =>
        {
            var address = AddressOf(context);
            var status = await DaemonClient.TryStatusAsync(address, context.CancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteBoolean("running", status is not null);
                    writer.WriteString("database", address.DatabasePath);
                    writer.WriteString("socket", address.SocketPath);
                    if (status is not null)
                    {
                        writer.WriteNumber("pid", status.ProcessId);
                        writer.WriteString("started", status.Started);
                        writer.WriteNumber("requests", status.Requests);
                        writer.WriteNumber("idle_exit_seconds", status.IdleExit.TotalSeconds);
                    }

                    writer.WriteEndObject();
                });
            }
            else
            {
                await context.Output.WriteLineAsync(status is null
                    ? $"no daemon serves {address.DatabasePath}: store and search run in their own process, and start one once they load a model"
                    : $"daemon pid {status.ProcessId} serves {address.DatabasePath} since {status.Started:u} on {address.SocketPath}: "
                        + $"{status.Requests} commands run, ends after {status.IdleExit} without a request").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateStop()
    {
        var command = new Command("stop", "End the database's daemon once the commands it is running are done");
        command.SetBody(async context =>
        {
            var address = AddressOf(context);
            var stopped = await DaemonClient.StopAsync(address, context.CancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync(stopped ? $"stopped the daemon of {address.DatabasePath}" : $"no daemon serves {address.DatabasePath}")
                .ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static DaemonAddress AddressOf(CommandContext context) =>
        DaemonAddress.For(MnemoPaths.ResolveDatabasePath(context.CreateOptions()).Path, context.Variables);
}
