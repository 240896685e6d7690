using System.CommandLine;
using System.Globalization;
using Mnemo.Cli.Output;
using Mnemo.Core.Learning;
using Mnemo.Core.Messages;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo outcome record|list</c>: how tasks went (task type, strategy, success, reward, duration, context), kept as
/// entries under <c>learning/outcomes/</c> for <c>mnemo recommend</c> to learn from.
/// </summary>
/// <remarks>
/// The engine checks every value (<see cref="Core.MnemoEngine.RecordOutcomeAsync"/>) and refuses a bad one with a message
/// naming it; the command only parses the flags, and reads <c>--success</c> itself because a boolean flag would take a
/// bare <c>--success</c> as true and say nothing useful about <c>--success maybe</c>.
/// </remarks>
internal static class OutcomeCommand
{
    public static Command Create()
    {
        var command = new Command("outcome", "Record how a task went, and list recorded outcomes (what 'mnemo recommend' learns from)");
        command.Subcommands.Add(Record());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Record()
    {
        var taskType = new Option<string>("--task-type")
        {
            Description = "The kind of task, e.g. data_processing (letters, digits, - _ . : @; at most 64)",
            Required = true,
            HelpName = "T",
        };
        var strategy = new Option<string>("--strategy") { Description = "The strategy the task used, e.g. parallel_processing", Required = true, HelpName = "S" };
        var success = new Option<string>("--success") { Description = "Whether the task succeeded: true or false", Required = true, HelpName = "true|false" };
        var reward = new Option<double?>("--reward")
        {
            Description = "A graded result from 0 (failure) to 1 (full success); default 1 for a success, 0 for a failure",
            HelpName = "0..1",
        };
        var duration = new Option<double?>("--duration") { Description = "How long the task took, in seconds, e.g. 120.5", HelpName = "SECONDS" };
        var agents = new Option<string?>("--agents") { Description = "The agents that worked on the task, comma-separated, e.g. planner,worker-1", HelpName = "a,b" };
        var taskContext = new Option<string?>("--context")
        {
            Description = "The conditions, a JSON object, e.g. '{\"data_size\":\"large\"}'; each property is a feature recommendations can condition on",
            HelpName = "JSON",
        };
        var description = new Option<string?>("--description") { Description = "What the task was, in words (what similar tasks are found by)", HelpName = "TEXT" };
        var tools = new Option<string?>("--tools") { Description = "The tools or commands the task used, comma-separated, e.g. search,store", HelpName = "a,b" };
        var memories = new Option<string?>("--memories") { Description = "The keys of memories the task used, comma-separated, e.g. project/db,project/api", HelpName = "k1,k2" };
        var command = new Command("record", "Record the outcome of a task as a new entry under learning/outcomes/")
        {
            taskType, strategy, success, reward, duration, agents, taskContext, description, tools, memories,
        };
        command.SetBody(async context =>
        {
            // Everything is parsed before the store is opened: a bad flag writes nothing.
            var record = new OutcomeRecord
            {
                TaskType = context.Value(taskType)!,
                Strategy = context.Value(strategy)!,
                Success = Success(context.Value(success)!),
                Reward = context.Value(reward),
                DurationSeconds = context.Value(duration),
                Agents = CliParsing.Tags(context.Value(agents)) ?? [],
                Context = CliParsing.Json("--context", context.Value(taskContext)),
                Description = context.Value(description),
                Tools = CliParsing.Tags(context.Value(tools)) ?? [],
                Memories = CliParsing.Tags(context.Value(memories)) ?? [],
            };
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var outcome = await engine.RecordOutcomeAsync(record, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => LearningJson.WriteOutcome(writer, outcome));
                }
                else
                {
                    await context.Output.WriteLineAsync($"recorded outcome {outcome.Key}: {Summary(outcome)}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var taskType = new Option<string?>("--task-type") { Description = "Only outcomes of this task type (default: all)", HelpName = "T" };
        var strategy = new Option<string?>("--strategy") { Description = "Only outcomes of this strategy (default: all)", HelpName = "S" };
        var limit = new Option<int>("--limit") { Description = "The most outcomes to show, newest first", HelpName = "N", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List recorded outcomes, newest first") { taskType, strategy, limit };
        command.SetBody(async context =>
        {
            var most = context.Value(limit);
            if (most < 1)
            {
                throw new FormatException($"--limit {most} is not a count: give 1 or more, e.g. --limit 20");
            }

            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var shown = await engine.ListOutcomesAsync(context.Value(taskType), context.Value(strategy), most, context.CancellationToken)
                    .ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => LearningJson.WriteOutcomes(writer, shown));
                    return ExitCodes.Ok;
                }

                var table = new TextTable("AT", "TASK TYPE", "STRATEGY", "RESULT", "REWARD", "DURATION", "CONTEXT");
                foreach (var outcome in shown)
                {
                    table.Add(HumanText.Time(outcome.At), outcome.TaskType, outcome.Strategy, outcome.Success ? "success" : "failure",
                        HumanText.Number(outcome.Reward), outcome.DurationSeconds is { } seconds ? $"{HumanText.Number(seconds)} s" : "-",
                        outcome.Context.Count == 0 ? "-" : string.Join(", ", outcome.Context));
                }

                table.WriteTo(context.Output);
                await context.Output.WriteLineAsync(Counted.Of(shown.Count, "outcome", "outcomes")).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The <c>--success</c> flag's value: true or false, in any case.</summary>
    private static bool Success(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new FormatException($"--success '{text}' is not true or false: give --success true or --success false"),
    };

    // "etl with fast succeeded (reward 1, 12 s; context data_size=large)"
    private static string Summary(TaskOutcome outcome)
    {
        var details = new List<string> { $"reward {HumanText.Number(outcome.Reward)}" };
        if (outcome.DurationSeconds is { } seconds)
        {
            details.Add(string.Create(CultureInfo.InvariantCulture, $"{HumanText.Number(seconds)} s"));
        }

        var text = $"{outcome.TaskType} with {outcome.Strategy} {(outcome.Success ? "succeeded" : "failed")} ({string.Join(", ", details)}";
        return outcome.Context.Count == 0 ? text + ")" : $"{text}; context {string.Join(", ", outcome.Context)})";
    }
}
