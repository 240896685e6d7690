using System.CommandLine;
using System.Globalization;
using Mnemo.Benchmarks.Baselines;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo bench compare BASELINE CURRENT</c>: two saved sets of runs (files <c>--baseline</c> wrote, or one run's
/// <c>--json</c> output each) compared as <c>--compare-with</c> compares, without running anything: for runs of two builds
/// interleaved by a script, so that both meet the same load.
/// </summary>
internal static class BenchCompareCommand
{
    public static Command Create()
    {
        var baseline = new Argument<string>("baseline") { Description = "The baseline runs: a file --baseline wrote, or one run's --json output" };
        var current = new Argument<string>("current") { Description = "The runs to compare with it, in the same forms" };
        var significance = new Option<double>("--significance") { Description = "The significance level", DefaultValueFactory = _ => 0.05 };
        var command = new Command("compare", "Compare two saved sets of benchmark runs figure by figure (Welch's t-test, Holm-corrected); exit 1 on a regression")
        {
            baseline, current, significance,
        };
        command.SetBody(async context =>
        {
            var level = context.Value(significance);
            if (!(level > 0 && level < 1))
            {
                throw new ArgumentException($"--significance {level.ToString(CultureInfo.InvariantCulture)} is not between 0 and 1: use e.g. 0.05");
            }

            var comparison = BaselineComparison.Compare(
                BenchmarkRuns.ReadFile(context.Value(baseline)!), BenchmarkRuns.ReadFile(context.Value(current)!), level);
            if (context.Json)
            {
                context.WriteJson(comparison.WriteJson);
            }
            else
            {
                await comparison.WriteTextAsync(context.Output).ConfigureAwait(false);
            }

            return comparison.Regressions.Any() ? ExitCodes.CallerError : ExitCodes.Ok;
        });
        return command;
    }
}
