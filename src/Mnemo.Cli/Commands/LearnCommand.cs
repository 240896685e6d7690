using System.CommandLine;
using System.Globalization;
using Mnemo.Core.Messages;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo learn ...</c>: the learning parameters (read, set, history), the learning cycle, learning metrics and the
/// current insights.
/// </summary>
/// <remarks>
/// Each subcommand parses, calls one engine method and prints Core's <see cref="LearningJson"/> or
/// <see cref="LearningCycleJson"/> (with <c>--json</c>) or a table; the engine decides and refuses.
/// </remarks>
internal static partial class LearnCommand
{
    public static Command Create()
    {
        var command = new Command("learn", "Learning from outcomes: parameters, the learning cycle, metrics and insights");
        command.Subcommands.Add(Params());
        command.Subcommands.Add(Cycle());
        command.Subcommands.Add(Metrics());
        command.Subcommands.Add(Insights());
        return command;
    }

    private static Option<string?> TaskTypeOption(string description) => new("--task-type") { Description = description, HelpName = "TYPE" };

    private static Command Cycle()
    {
        var taskType = TaskTypeOption("Only this task type (default: every task type)");
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be written and removed without changing anything" };
        var command = new Command("cycle",
            "Recompute each strategy's derived estimate and the insights (stopped working, wins under a context, thin evidence); "
            + "write what changed and remove insights that no longer hold") { taskType, dryRun };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var report = await engine.RunLearningCycleAsync(context.Value(taskType), context.Value(dryRun), context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => LearningCycleJson.WriteCycle(writer, report));
                    return ExitCodes.Ok;
                }

                var would = report.DryRun ? " (dry run: nothing changed)" : "";
                await context.Output.WriteLineAsync(
                    $"learning cycle over {Counted.Of(report.TaskTypes.Count, "task type", "task types")}: {report.Written.Count} written, {report.Unchanged.Count} unchanged, "
                    + $"{report.Removed.Count} removed{would}").ConfigureAwait(false);
                var table = new Output.TextTable("ACTION", "KIND", "KEY");
                foreach (var change in report.Changes)
                {
                    table.Add(LearningCycleJson.ActionName(change.Action), change.Kind, change.Key);
                }

                if (table.RowCount > 0)
                {
                    table.WriteTo(context.Output);
                }

                foreach (var change in report.Changes.Where(c => c.Kind == "insight" && c.Action != Core.Learning.LearningCycleAction.Unchanged))
                {
                    await context.Output.WriteLineAsync($"{LearningCycleJson.ActionName(change.Action)}: {change.Text}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Insights()
    {
        var taskType = TaskTypeOption("Only this task type's insights");
        var command = new Command("insights", "List the insights the last learning cycle left, with their confidence") { taskType };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var insights = await engine.GetLearningInsightsAsync(context.Value(taskType), context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => LearningCycleJson.WriteLearned(writer, insights));
                    return ExitCodes.Ok;
                }

                if (insights.Count == 0)
                {
                    await context.Output.WriteLineAsync("no insights: record outcomes and run a learning cycle").ConfigureAwait(false);
                }

                foreach (var insight in insights)
                {
                    await context.Output.WriteLineAsync(
                        $"{insight.TaskType}/{insight.Name} (confidence {Number(insight.Confidence ?? 0, "0.###")}): {insight.Text}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
