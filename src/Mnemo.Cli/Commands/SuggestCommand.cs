using System.CommandLine;
using System.Globalization;
using Mnemo.Cli.Output;
using Mnemo.Core.Learning.Recovery;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo suggest --task "..."</c>: the tools, memories and strategies similar past tasks used, best first.</summary>
internal static class SuggestCommand
{
    public static Command Create()
    {
        var task = new Option<string>("--task") { Description = "The task in words, e.g. \"import the nightly sales files\"", Required = true };
        var top = new Option<int>("--top") { Description = $"How many tools, memories and strategies at most, 1..{RecoveryDefaults.MaxTop}", DefaultValueFactory = _ => RecoveryDefaults.Top };
        var command = new Command("suggest",
            "Rank the tools, memories and strategies used in similar past tasks (recorded outcomes): Σ similarity × reward")
        {
            task, top,
        };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var suggestion = await engine.SuggestAsync(context.Value(task)!, context.Value(top), context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => RecoveryJson.WriteSuggestion(writer, suggestion));
                }
                else
                {
                    Write(context.Output, suggestion);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(TextWriter output, TaskSuggestion suggestion)
    {
        output.WriteLine(suggestion.Note);
        if (suggestion.Similar.Count == 0)
        {
            return;
        }

        var table = new TextTable("KIND", "SCORE", "SUCCEEDED", "NAME");
        Add(table, "tool", suggestion.Tools);
        Add(table, "memory", suggestion.Memories);
        Add(table, "strategy", suggestion.Strategies);
        table.WriteTo(output);
        output.WriteLine();
        var similar = new TextTable("SIMILARITY", "RESULT", "KEY", "TASK");
        foreach (var (outcome, score) in suggestion.Similar)
        {
            similar.Add(Format(score), outcome.Success ? "succeeded" : "failed", outcome.Key, HumanText.Snippet(outcome.Description ?? outcome.TaskType, 50));
        }

        similar.WriteTo(output);
    }

    private static void Add(TextTable table, string kind, IReadOnlyList<SuggestedItem> items)
    {
        foreach (var item in items)
        {
            table.Add(kind, Format(item.Score), $"{item.SucceededIn}/{item.UsedIn}", item.Name);
        }
    }

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
