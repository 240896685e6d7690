using System.CommandLine;
using System.Globalization;
using Mnemo.Core.Learning.Prediction;
using Mnemo.Core.Messages;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo patterns</c>: the action sequences that recur in the action log.</summary>
internal static class PatternsCommand
{
    public static Command Create()
    {
        var minSupport = new Option<int>("--min-support") { Description = "The fewest occurrences a pattern must have", DefaultValueFactory = _ => 2 };
        var maxLength = new Option<int>("--max-length") { Description = "The most steps a pattern may have, 2..10", DefaultValueFactory = _ => 4 };
        var command = new Command("patterns", "List workflow patterns: runs of consecutive actions that recur in the action log, with support and confidence")
        {
            minSupport, maxLength,
        };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var report = await engine.GetWorkflowPatternsAsync(context.Value(minSupport), context.Value(maxLength), context.CancellationToken)
                    .ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => PredictionJson.WritePatterns(writer, report));
                }
                else
                {
                    await WriteTextAsync(context.Output, report).ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteTextAsync(TextWriter output, WorkflowPatternReport report)
    {
        await output.WriteLineAsync(
            $"{report.Patterns.Count} patterns of 2..{report.MaxLength} steps seen at least {report.MinSupport} times, in {report.Sequences} sequences of {report.Actions} actions")
            .ConfigureAwait(false);
        foreach (var pattern in report.Patterns)
        {
            await output.WriteLineAsync(
                $"  {pattern.Support,5}x  {string.Join(" -> ", pattern.Steps)}  (confidence {pattern.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}, {Counted.Of(pattern.Sequences, "sequence", "sequences")})")
                .ConfigureAwait(false);
        }
    }
}
