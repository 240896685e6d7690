using System.CommandLine;
using System.Globalization;
using Mnemo.Core.Learning;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo learn metrics</c>.</summary>
internal static partial class LearnCommand
{
    private static Command Metrics()
    {
        var taskType = TaskTypeOption("Only this task type (default: every task type)");
        var command = new Command("metrics",
            "Outcomes seen and how well the posteriors predicted them (each outcome predicted from those before it): Brier score and "
            + "log loss against a running-rate baseline, calibration, estimated regret, and how outcomes went when the best-looking strategy was used")
        { taskType };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var metrics = await engine.GetLearningMetricsAsync(context.Value(taskType), context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => LearningCycleJson.WriteMetrics(writer, metrics));
                    return ExitCodes.Ok;
                }

                await PrintMetricsAsync(context.Output, metrics).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task PrintMetricsAsync(TextWriter output, LearningMetrics metrics)
    {
        if (metrics.Overall.Outcomes == 0)
        {
            await output.WriteLineAsync("no outcomes recorded yet: nothing to evaluate").ConfigureAwait(false);
            return;
        }

        var table = new Output.TextTable("TASK TYPE", "OUTCOMES", "SUCCESS", "BRIER", "(BASELINE)", "LOG LOSS", "(BASELINE)", "REGRET", "FOLLOWED", "OTHERS");
        foreach (var row in metrics.TaskTypes.Append(metrics.Overall))
        {
            var e = row.Evaluation;
            table.Add(row.TaskType ?? "(all)", row.Outcomes.ToString(CultureInfo.InvariantCulture), Rate((double)row.Successes / row.Outcomes),
                Fixed(e.Brier), Fixed(e.BaselineBrier), Fixed(e.LogLoss), Fixed(e.BaselineLogLoss), Fixed(e.Regret),
                Following(e.Followed), Following(e.NotFollowed));
        }

        table.WriteTo(output);
        await output.WriteLineAsync("calibration (all task types): predicted success against what happened").ConfigureAwait(false);
        var calibration = new Output.TextTable("PREDICTED", "COUNT", "MEAN PREDICTED", "OBSERVED");
        foreach (var bin in metrics.Overall.Evaluation.Calibration)
        {
            calibration.Add($"{Rate(bin.Low)}-{Rate(bin.High)}", bin.Count.ToString(CultureInfo.InvariantCulture),
                bin.MeanPredicted is { } p ? Rate(p) : "-", bin.ObservedRate is { } o ? Rate(o) : "-");
        }

        calibration.WriteTo(output);
        if (metrics.Overall.Evaluation.Capped)
        {
            await output.WriteLineAsync($"only the newest {metrics.Cap} outcomes of a task type are evaluated; older ones were left out").ConfigureAwait(false);
        }
    }

    private static string Following(RecommendationFollowing following) =>
        following.SuccessRate is { } rate ? $"{Rate(rate)} of {following.Outcomes}" : "-";

    private static string Rate(double value) => (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Fixed(double? value) => value is { } number ? number.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
