using System.CommandLine;
using System.Globalization;
using Mnemo.Benchmarks.Baselines;

namespace Mnemo.Cli.Commands;

/// <summary>
/// What every <c>mnemo bench</c> subcommand offers besides its own options: <c>--repeat N</c> runs, saved with
/// <c>--baseline FILE</c> and tested against a saved baseline with <c>--compare-with FILE</c>, so that a regression is
/// caught by a command (exit 1) rather than by eye.
/// </summary>
internal static class BenchBaselines
{
    /// <summary>Adds the baseline options to a benchmark command and runs <paramref name="run"/> once, or repeatedly for them.</summary>
    public static void SetBenchBody(this Command command, Func<CommandContext, Task<int>> run)
    {
        var repeat = new Option<int>("--repeat") { Description = "Run the benchmark this many times: the runs --baseline saves and --compare-with tests", DefaultValueFactory = _ => 1 };
        var baseline = new Option<string?>("--baseline") { Description = "Save the runs as a baseline file (JSON) to compare later runs with" };
        var compareWith = new Option<string?>("--compare-with")
        {
            Description = "Compare each figure with a baseline file (Welch's t-test, Holm-corrected); exit 1 when one got significantly worse",
        };
        var significance = new Option<double>("--significance") { Description = "The significance level of --compare-with", DefaultValueFactory = _ => 0.05 };
        command.Options.Add(repeat);
        command.Options.Add(baseline);
        command.Options.Add(compareWith);
        command.Options.Add(significance);
        command.SetBody(async context =>
        {
            var runs = context.Value(repeat);
            var saveTo = context.Value(baseline);
            var comparePath = context.Value(compareWith);
            if (runs == 1 && saveTo is null && comparePath is null)
            {
                return await run(context).ConfigureAwait(false);
            }

            // Everything checked before the first run: a benchmark can take minutes.
            if (runs < 1)
            {
                throw new ArgumentException($"--repeat {runs} is not positive: give the number of runs, e.g. --repeat 5");
            }

            var level = context.Value(significance);
            if (!(level > 0 && level < 1))
            {
                throw new ArgumentException($"--significance {level.ToString(CultureInfo.InvariantCulture)} is not between 0 and 1: use e.g. 0.05");
            }

            var reference = comparePath is null ? null : BenchmarkRuns.ReadFile(comparePath);
            var results = new List<string>();
            for (var i = 1; i <= runs; i++)
            {
                await context.Error.WriteLineAsync($"run {i} of {runs}").ConfigureAwait(false);
                using var captured = new StringWriter();
                var exitCode = await run(context.CapturingJson(captured)).ConfigureAwait(false);
                if (exitCode != ExitCodes.Ok)
                {
                    return exitCode;
                }

                results.Add(captured.ToString());
            }

            var current = BenchmarkRuns.FromResults(results);
            var comparison = reference is null ? null : BaselineComparison.Compare(reference, current, level);
            if (saveTo is not null)
            {
                current.WriteFile(saveTo, DateTimeOffset.UtcNow);
                await context.Error.WriteLineAsync($"saved {runs} runs of 'mnemo bench {current.Benchmark}' as a baseline in {saveTo}").ConfigureAwait(false);
            }

            await WriteAsync(context, current, comparison).ConfigureAwait(false);
            return comparison?.Regressions.Any() == true ? ExitCodes.CallerError : ExitCodes.Ok;
        });
    }

    private static async Task WriteAsync(CommandContext context, BenchmarkRuns current, BaselineComparison? comparison)
    {
        if (context.Json)
        {
            context.WriteJson(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("benchmark", current.Benchmark);
                writer.WriteStartArray("runs");
                foreach (var run in current.Runs)
                {
                    run.WriteTo(writer);
                }

                writer.WriteEndArray();
                if (comparison is not null)
                {
                    writer.WritePropertyName("comparison");
                    comparison.WriteJson(writer);
                }

                writer.WriteEndObject();
            });
            return;
        }

        if (comparison is not null)
        {
            await comparison.WriteTextAsync(context.Output).ConfigureAwait(false);
            return;
        }

        current.WriteSummary(context.Output);
    }
}
