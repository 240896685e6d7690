using System.CommandLine;
using System.Globalization;
using Mnemo.Benchmarks.Prediction;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo bench predict</c>: next-action prediction on sessions from a known order-2 Markov process, against the
/// process's own best possible and "most frequent action", in the same run.
/// </summary>
internal static class BenchPredictCommand
{
    public static Command Create()
    {
        var sessions = new Option<int>("--sessions") { Description = "Sessions generated per seed (80% trained on, 20% scored)", DefaultValueFactory = _ => 1000 };
        var seeds = new Option<string>("--seeds") { Description = "Seeds: a range (1-5) or a list (1,7,9)", DefaultValueFactory = _ => "1-5" };
        var actions = new Option<int>("--actions") { Description = "Distinct actions of the process", DefaultValueFactory = _ => 12 };
        var command = new Command("predict", "Benchmark next-action prediction on sessions from a known Markov process: top-1/top-3 accuracy vs the optimum and most-frequent")
        {
            sessions, seeds, actions,
        };
        command.SetBody(async context =>
        {
            var count = context.Value(sessions);
            if (count < 10)
            {
                throw new ArgumentException($"--sessions {count} is too few to train and score: use 10 or more, e.g. 1000");
            }

            var distinct = context.Value(actions);
            if (distinct is < 3 or > 100)
            {
                throw new ArgumentException($"--actions {distinct} is outside 3..100: use e.g. 12");
            }

            var result = PredictionBenchmark.Run(new PredictionBenchmarkOptions(count, ParseSeeds(context.Value(seeds)!), distinct));
            if (context.Json)
            {
                context.WriteJson(result.WriteJson);
            }
            else
            {
                await result.WriteTextAsync(context.Output).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Seeds from "1-5" or "1,7,9".</summary>
    internal static int[] ParseSeeds(string text)
    {
        var bad = new ArgumentException($"--seeds '{text}' is not a range or a list of seeds: use e.g. 1-5 or 1,7,9");
        var dash = text.IndexOf('-', 1);
        if (dash > 0 && int.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(text[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            return first <= last && last - first < 1000 ? [.. Enumerable.Range(first, last - first + 1)] : throw bad;
        }

        var seeds = text.Split(',', StringSplitOptions.TrimEntries);
        return seeds.All(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            ? [.. seeds.Select(s => int.Parse(s, CultureInfo.InvariantCulture))]
            : throw bad;
    }
}
