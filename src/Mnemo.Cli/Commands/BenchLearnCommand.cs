using System.CommandLine;
using System.Globalization;
using Mnemo.Benchmarks.Learning;
using Mnemo.Core.Learning;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo bench learn</c>: does the strategy recommender learn? A simulated environment with known success rates per
/// strategy and context, drifting halfway; Mnemo's recommender against greedy, uniform random and an oracle on the same
/// draws, over several seeds: regret, adaptation after the drift and the coverage of the credible intervals.
/// </summary>
/// <remarks>No database: the recommender is a pure function of the outcomes, which the simulation keeps in memory.</remarks>
internal static class BenchLearnCommand
{
    // "rounds per day" before "rounds": the first name an error starts with is replaced.
    private static readonly (string Name, string Flag)[] s_flags =
    [
        ("rounds per day", "--rounds-per-day"), ("rounds", "--rounds"), ("strategies", "--strategies"),
        ("half_life_days", "--half-life-days"), ("exploration", "--exploration"), ("min_evidence", "--min-evidence"),
    ];

    public static Command Create()
    {
        var defaults = LearningParameters.Default;
        var rounds = new Option<int>("--rounds")
        {
            Description = $"Rounds (tasks) per run, the drift at the half (default {LearningBenchmarkOptions.DefaultRounds})",
            DefaultValueFactory = _ => LearningBenchmarkOptions.DefaultRounds,
        };
        var seeds = new Option<string>("--seeds")
        {
            Description = $"Seeds, a list or ranges such as 101-110 or 1,2,3 (default {SeedList.Format(LearningBenchmarkOptions.EvaluationSeeds)}, the evaluation "
                + $"seeds; the defaults were chosen on {SeedList.Format(LearningBenchmarkOptions.TuningSeeds)})",
            DefaultValueFactory = _ => SeedList.Format(LearningBenchmarkOptions.EvaluationSeeds),
        };
        var strategies = new Option<int>("--strategies")
        {
            Description = $"Candidate strategies, 2 to {LearningEnvironment.MaxStrategies} (default {LearningBenchmarkOptions.DefaultStrategies})",
            DefaultValueFactory = _ => LearningBenchmarkOptions.DefaultStrategies,
        };
        var roundsPerDay = new Option<double>("--rounds-per-day")
        {
            Description = $"Rounds per simulated day: the half-life in rounds is half-life days x this (default {LearningBenchmarkOptions.DefaultRoundsPerDay})",
            DefaultValueFactory = _ => LearningBenchmarkOptions.DefaultRoundsPerDay,
        };
        var drift = new Option<bool>("--drift") { Description = "Change the success rates halfway (the default)" };
        var noDrift = new Option<bool>("--no-drift") { Description = "Keep the success rates fixed for the whole run" };
        var halfLife = new Option<double?>("--half-life-days")
        {
            Description = $"Mnemo's half-life in days, 0 for no decay (default {Number(defaults.HalfLifeDays)}, the learning parameters' default)",
        };
        var exploration = new Option<double?>("--exploration") { Description = $"Mnemo's exploration factor, 0..1 (default {Number(defaults.Exploration)})" };
        var minEvidence = new Option<double?>("--min-evidence") { Description = $"Mnemo's minimum evidence in a context (default {Number(defaults.MinEvidence)})" };
        var sweep = new Option<bool>("--sweep")
        {
            Description = "Run every combination of half-life (0, 7, 30, 90 days), exploration (0.25, 0.5, 1) and min evidence (1, 5, 20) instead, "
                + "lowest regret first: how the defaults were chosen (on --seeds 1-5)",
        };
        var command = new Command("learn",
            "Benchmark the strategy recommender in a simulated environment with known success rates that drift halfway: cumulative regret "
            + "against greedy, uniform random and an oracle over several seeds, adaptation after the drift, and the coverage of the 90% intervals")
        {
            rounds, seeds, strategies, roundsPerDay, drift, noDrift, halfLife, exploration, minEvidence, sweep,
        };
        command.SetBenchBody(async context =>
        {
            if (context.Value(drift) && context.Value(noDrift))
            {
                throw new ArgumentException("--drift and --no-drift contradict each other: give one of them");
            }

            var parameters = defaults with
            {
                HalfLifeDays = context.Value(halfLife) ?? defaults.HalfLifeDays,
                Exploration = context.Value(exploration) ?? defaults.Exploration,
                MinEvidence = context.Value(minEvidence) ?? defaults.MinEvidence,
            };
            var options = new LearningBenchmarkOptions(
                context.Value(rounds), SeedList.Parse(context.Value(seeds)!), context.Value(strategies), context.Value(roundsPerDay), !context.Value(noDrift), parameters);
            if (options.Check() is { } error)
            {
                throw new ArgumentException(AsFlag(error));
            }

            if (context.Value(sweep))
            {
                var points = LearningSweep.Run(options, line => context.Error.WriteLine(line), context.CancellationToken);
                if (context.Json)
                {
                    context.WriteJson(points.WriteJson);
                }
                else
                {
                    await points.WriteTableAsync(context.Output).ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            }

            var result = LearningBenchmark.Run(options, context.CancellationToken);
            if (context.Json)
            {
                context.WriteJson(result.WriteJson);
            }
            else
            {
                await result.WriteTableAsync(context.Output).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The benchmark's and the parameters' words for a setting ("rounds 0", "half_life_days -1") as its flag ("--rounds 0").</summary>
    private static string AsFlag(string error)
    {
        foreach (var (name, flag) in s_flags)
        {
            if (error.StartsWith(name + " ", StringComparison.Ordinal))
            {
                return flag + error[name.Length..];
            }
        }

        return error;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
