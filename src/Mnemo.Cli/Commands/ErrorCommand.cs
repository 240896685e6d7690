using System.CommandLine;
using Mnemo.Cli.Output;
using Mnemo.Core.Learning.Recovery;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo error record "MESSAGE"</c>: keeps an error with what was done about it, clustered by its signature.</summary>
internal static class ErrorCommand
{
    public static Command Create()
    {
        var command = new Command("error", "Record the errors agents meet and what fixed them, for 'mnemo recover'");
        command.Subcommands.Add(CreateRecord());
        return command;
    }

    private static Command CreateRecord()
    {
        var message = new Argument<string>("MESSAGE") { Description = "The error as it was shown; numbers, paths and ids in it may vary between occurrences" };
        var context = new Option<string?>("--context") { Description = "Where it happened, a JSON object such as '{\"service\":\"db\"}'" };
        var fix = new Option<string?>("--fix") { Description = "What was done about it, e.g. \"start the database container\"" };
        var worked = new Option<string?>("--worked") { Description = "Whether the fix made the error go away (default true with --fix)", HelpName = "true|false" };
        worked.AcceptOnlyFromAmong("true", "false");
        var tool = new Option<string?>("--tool") { Description = "The tool or command that failed, e.g. psql" };
        var command = new Command("record", "Record an error and the fix tried; the same error met again joins its cluster (numbers, paths and ids masked)")
        {
            message, context, fix, worked, tool,
        };
        command.SetBody(async run =>
        {
            var record = new ErrorRecord
            {
                Message = run.Value(message)!,
                Context = CliParsing.Json("--context", run.Value(context)),
                Fix = run.Value(fix),
                Worked = run.Value(worked) is { } flag ? flag == "true" : null,
                Tool = run.Value(tool),
            };
            var engine = await run.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var stored = await engine.RecordErrorAsync(record, run.CancellationToken).ConfigureAwait(false);
                if (run.Json)
                {
                    run.WriteJson(writer => RecoveryJson.WriteError(writer, stored));
                }
                else
                {
                    var fixText = stored.Fix is null ? "no fix" : $"fix {(stored.Worked == true ? "worked" : "did not work")}: {HumanText.Snippet(stored.Fix)}";
                    await run.Output.WriteLineAsync($"recorded {stored.Key} (cluster {stored.Cluster}: {stored.Signature}); {fixText}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
