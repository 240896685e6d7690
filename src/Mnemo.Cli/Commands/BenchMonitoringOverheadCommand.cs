using System.CommandLine;
using Mnemo.Benchmarks;
using Mnemo.Benchmarks.Monitoring;
using Mnemo.Core.Time;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo bench monitoring-overhead</c>: single puts with and without metrics sampling, in one run.</summary>
internal static class BenchMonitoringOverheadCommand
{
    public static Command Create()
    {
        var puts = new Option<int>("--puts") { Description = "Single puts per round", DefaultValueFactory = _ => 20_000 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds with sampling and as many without, alternating", DefaultValueFactory = _ => 4 };
        var interval = new Option<string>("--interval") { Description = "Time between samples in a sampled round, e.g. 1s or 500ms", DefaultValueFactory = _ => "1s" };
        var valueSize = new Option<int>("--value-size") { Description = "Characters of text per entry", DefaultValueFactory = _ => 256 };
        var seed = new Option<int>("--seed") { Description = "Random seed for keys", DefaultValueFactory = _ => 42 };
        var directory = new Option<string?>("--dir") { Description = "Directory for the scratch database (default: a new temporary one, deleted after)" };
        var command = new Command("monitoring-overhead", "Benchmark the cost of metrics sampling under a put-heavy workload")
        {
            puts, rounds, interval, valueSize, seed, directory,
        };
        command.SetBenchBody(async context =>
        {
            if (!Durations.TryParse(context.Value(interval), out var every) || every <= TimeSpan.Zero)
            {
                throw new ArgumentException($"--interval '{context.Value(interval)}' is not a positive duration: use e.g. 1s or 500ms");
            }

            using var scratch = ScratchDirectory.Create(context.Value(directory), "mnemo-bench");
            var options = new MonitoringOverheadOptions(
                Positive("--puts", context.Value(puts)), Positive("--rounds", context.Value(rounds)), every,
                Positive("--value-size", context.Value(valueSize)), context.Value(seed), scratch.Path);
            var result = await MonitoringOverheadBenchmark.RunAsync(options, line => context.Error.WriteLine(line)).ConfigureAwait(false);
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

    private static int Positive(string option, int value) =>
        value > 0 ? value : throw new ArgumentException($"{option} {value} is not positive");
}
