using System.CommandLine;
using Mnemo.Core.Learning.Prediction;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo event log ACTION</c>: an agent logs one of its own actions, for next-action prediction.</summary>
internal static class EventCommand
{
    public static Command Create()
    {
        var command = new Command("event", "Log an agent's own actions into the action log that prediction learns from");
        command.Subcommands.Add(CreateLog());
        return command;
    }

    private static Command CreateLog()
    {
        var action = new Argument<string>("ACTION")
        {
            Description = "The action: 1 to 64 letters, digits, spaces, '-', '_', '.', ':', '@' or '/' (e.g. run-tests, git:commit)",
        };
        var command = new Command("log", "Record an action of the agent (--agent) in its session (--session), now") { action };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var result = await engine.RecordActionAsync(context.Value(action)!, ActionSource.Event, context.CancellationToken)
                    .ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => PredictionJson.WriteLogResult(writer, result));
                }
                else if (result.Action is { } logged)
                {
                    await context.Output.WriteLineAsync(
                        $"logged {logged.Action} (agent {logged.Agent ?? "-"}, session {logged.Session ?? "-"})").ConfigureAwait(false);
                }
                else
                {
                    await context.Output.WriteLineAsync($"not logged: {result.NotRecordedReason}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
