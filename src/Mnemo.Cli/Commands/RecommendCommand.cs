using System.CommandLine;
using System.Globalization;
using Mnemo.Cli.Output;
using Mnemo.Core.Learning;
using Mnemo.Core.Messages;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo recommend --task-type T</c>: the strategy to use for a task, with its expected success rate and credible
/// interval, chosen by Thompson sampling over Beta posteriors of the recorded outcomes
/// (<see cref="Core.MnemoEngine.RecommendStrategyAsync"/>); <c>--explain</c> shows every candidate's posteriors and draw.
/// </summary>
/// <remarks>
/// A task type with no outcomes is an answer, not an error: the engine says so (<see cref="StrategyRecommendation.NoEvidence"/>)
/// with the prior's figures, and the command exits 0.
/// </remarks>
internal static class RecommendCommand
{
    public static Command Create()
    {
        var taskType = new Option<string>("--task-type") { Description = "The kind of task to recommend a strategy for, e.g. data_processing", Required = true, HelpName = "T" };
        var taskContext = new Option<string?>("--context")
        {
            Description = "The conditions now, a JSON object like an outcome's, e.g. '{\"data_size\":\"large\"}' (default: every context)",
            HelpName = "JSON",
        };
        var candidates = new Option<string?>("--candidates")
        {
            Description = "The strategies to choose among, comma-separated; untried ones start from the prior (default: every strategy recorded for the task type)",
            HelpName = "a,b",
        };
        var explore = new Option<double?>("--explore")
        {
            Description = "How far Thompson sampling strays from the posterior means: 0 always takes the highest mean, 1 is plain Thompson sampling (default: the stored learning parameter)",
            HelpName = "0..1",
        };
        var seed = new Option<int?>("--seed") { Description = "Seeds the Thompson draws, to make the recommendation reproducible", HelpName = "N" };
        var explain = new Option<bool>("--explain") { Description = "Also show every candidate's posteriors, its draw and its score, and why the winner won" };
        var command = new Command("recommend", "Recommend a strategy for a task from recorded outcomes, with its expected success rate and credible interval")
        {
            taskType, taskContext, candidates, explore, seed, explain,
        };
        command.SetBody(async context =>
        {
            var request = new RecommendationRequest
            {
                TaskType = context.Value(taskType)!,
                Context = CliParsing.Json("--context", context.Value(taskContext)),
                Candidates = CliParsing.Tags(context.Value(candidates)) ?? [],
                Exploration = context.Value(explore),
                Seed = context.Value(seed),
            };
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var recommendation = await engine.RecommendStrategyAsync(request, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => LearningJson.WriteRecommendation(writer, recommendation));
                    return ExitCodes.Ok;
                }

                await WriteAsync(context.Output, recommendation).ConfigureAwait(false);
                if (context.Value(explain))
                {
                    await WriteExplanationAsync(context.Output, recommendation).ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    // recommend fast: expected success 0.78 (90% interval 0.61-0.90) from 12 outcomes (9.3 effective) [thin evidence]
    // why: <the engine's reason>
    private static async Task WriteAsync(TextWriter output, StrategyRecommendation recommendation)
    {
        var estimate = recommendation.Estimate;
        var where = recommendation.Context.Count > 0 ? $" in context {string.Join(", ", recommendation.Context)}" : "";
        string headline;
        if (recommendation.Strategy is not { } strategy)
        {
            headline = $"no evidence yet for task type {recommendation.TaskType}: the prior Beta({Figure(estimate.Alpha)}, {Figure(estimate.Beta)}) "
                + $"expects success {Rate(estimate.Mean)} ({Interval(estimate)})";
        }
        else
        {
            var flags = new List<string>();
            if (recommendation.NoEvidence)
            {
                flags.Add("no evidence yet: the prior's figures");
            }
            else if (recommendation.Thin)
            {
                flags.Add($"thin evidence: fewer than {Figure(recommendation.Parameters.MinEvidence)} effective outcomes");
            }

            if (recommendation.Explored)
            {
                flags.Add("explored: not the highest mean");
            }

            headline = $"recommend {strategy}: expected success {Rate(estimate.Mean)}{where} ({Interval(estimate)}) "
                + $"from {Counted.Of(estimate.Outcomes, "outcome", "outcomes")} ({Effective(estimate)} effective)"
                + string.Concat(flags.Select(flag => $" [{flag}]"));
        }

        await output.WriteLineAsync(headline).ConfigureAwait(false);
        await output.WriteLineAsync($"why: {recommendation.Reason}").ConfigureAwait(false);
    }

    private static async Task WriteExplanationAsync(TextWriter output, StrategyRecommendation recommendation)
    {
        var level = Figure(recommendation.Parameters.CredibleLevel * 100);
        var table = new TextTable(
            "", "STRATEGY", "MEAN", $"{level}% INTERVAL", "OUTCOMES", "CONTEXT MEAN", "CONTEXT INTERVAL", "CONTEXT OUTCOMES", "POOLED", "DRAW", "SCORE");
        foreach (var candidate in recommendation.Candidates)
        {
            var inContext = candidate.InContext;
            table.Add(
                candidate.Strategy == recommendation.Strategy ? "*" : "",
                candidate.Strategy,
                Precise(candidate.Overall.Mean),
                Range(candidate.Overall),
                Evidence(candidate.Overall),
                inContext is null ? "-" : Precise(inContext.Mean),
                inContext is null ? "-" : Range(inContext),
                inContext is null ? "-" : Evidence(inContext),
                inContext is null ? "-" : candidate.Pooled ? "yes" : "no",
                Precise(candidate.Draw),
                Precise(candidate.Score));
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        if (table.RowCount > 0)
        {
            table.WriteTo(output);
            await output.WriteLineAsync("* recommended: the highest score, mean + exploration x (draw - mean)").ConfigureAwait(false);
        }

        var p = recommendation.Parameters;
        await output.WriteLineAsync(
            $"parameters: prior Beta({Figure(p.PriorSuccesses)}, {Figure(p.PriorFailures)}), "
            + (p.HalfLifeDays == 0 ? "no decay" : $"half-life {Figure(p.HalfLifeDays)} days")
            + $", exploration {Figure(p.Exploration)}, min evidence {Figure(p.MinEvidence)}, {level}% intervals").ConfigureAwait(false);
    }

    private static string Interval(PosteriorEstimate estimate) =>
        $"{Figure(estimate.Level * 100)}% interval {Rate(estimate.Low)}-{Rate(estimate.High)}";

    private static string Range(PosteriorEstimate estimate) => $"{Precise(estimate.Low)}-{Precise(estimate.High)}";

    private static string Evidence(PosteriorEstimate estimate) => $"{estimate.Outcomes} ({Effective(estimate)})";

    private static string Effective(PosteriorEstimate estimate) => estimate.EffectiveOutcomes.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Rate(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Precise(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Figure(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
