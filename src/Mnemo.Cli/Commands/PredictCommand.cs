using System.CommandLine;
using System.Globalization;
using Mnemo.Core.Learning.Prediction;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo predict</c>: the likely next actions after the session's latest ones, or after given ones.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var after = new Option<string?>("--after")
        {
            Description = "The preceding actions, oldest first, comma-separated (e.g. store,get): used instead of the logged ones",
            HelpName = "ACTIONS",
        };
        var top = new Option<int>("--top") { Description = $"How many next actions to show, 1..{PredictionRequest.MaxTop}", DefaultValueFactory = _ => 5 };
        var order = new Option<int>("--order")
        {
            Description = $"The most preceding actions the model looks at, 1..{ActionModel.MaxOrderLimit}",
            DefaultValueFactory = _ => ActionModel.DefaultMaxOrder,
        };
        var command = new Command(
            "predict",
            "Predict the next actions of the agent (--agent) in the session (--session) from the action log: a variable-order Markov model with interpolated Witten-Bell smoothing")
        {
            after, top, order,
        };
        command.SetBody(async context =>
        {
            var request = new PredictionRequest
            {
                After = context.Value(after) is { } text ? text.Split(',', StringSplitOptions.TrimEntries) : null,
                Top = context.Value(top),
                MaxOrder = context.Value(order),
            };
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var prediction = await engine.PredictNextActionsAsync(request, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => PredictionJson.WritePrediction(writer, prediction));
                }
                else
                {
                    await WriteTextAsync(context.Output, prediction).ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteTextAsync(TextWriter output, ActionPrediction prediction)
    {
        var context = prediction.Context.Count == 0 ? "(nothing yet)" : string.Join(" -> ", prediction.Context);
        await output.WriteLineAsync($"after: {context} (order {prediction.Order} used)").ConfigureAwait(false);
        if (prediction.Next.Count == 0)
        {
            await output.WriteLineAsync("no prediction: the action log is empty").ConfigureAwait(false);
        }

        var width = prediction.Next.Select(next => next.Action.Length).DefaultIfEmpty(0).Max();
        foreach (var next in prediction.Next)
        {
            await output.WriteLineAsync(
                $"  {next.Action.PadRight(width)}  {next.Probability.ToString("0.000", CultureInfo.InvariantCulture)}").ConfigureAwait(false);
        }

        var model = prediction.Model;
        await output.WriteLineAsync(
            $"model: {model.Sequences} sequences, {model.Actions} actions, {model.DistinctActions} distinct; max order {model.MaxOrder}, {PredictionJson.Smoothing}")
            .ConfigureAwait(false);
    }
}
