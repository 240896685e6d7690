using System.CommandLine;
using Mnemo.Benchmarks;
using Mnemo.Benchmarks.Kv;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo bench kv</c>: put/get throughput and latency of Mnemo beside SQLite used directly, in one run.</summary>
internal static class BenchKvCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Entries to write (and reads to do)", DefaultValueFactory = _ => 100_000 };
        var valueSize = new Option<int>("--value-size") { Description = "Bytes of text per entry", DefaultValueFactory = _ => 256 };
        var pattern = new Option<string>("--pattern")
        {
            Description = "Key order: sequential or random; mixed adds a phase of interleaved reads and writes",
            DefaultValueFactory = _ => "random",
        };
        pattern.AcceptOnlyFromAmong("sequential", "random", "mixed");
        var readRatio = new Option<double>("--read-ratio") { Description = "Share of reads in the mixed phase, 0..1", DefaultValueFactory = _ => 0.8 };
        var batchSize = new Option<int>("--batch-size") { Description = "Puts per transaction in the batched phase", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "Random seed for keys, values and access order", DefaultValueFactory = _ => 42 };
        var directory = new Option<string?>("--dir") { Description = "Directory for the two scratch databases (default: a new temporary one, deleted after)" };
        var command = new Command("kv", "Benchmark puts and gets: Mnemo beside the same workload on raw SQLite, with ratios")
        {
            count, valueSize, pattern, readRatio, batchSize, seed, directory,
        };
        command.SetBenchBody(async context =>
        {
            var options = new KvBenchmarkOptions(
                Positive("--count", context.Value(count)),
                Positive("--value-size", context.Value(valueSize)),
                context.Value(pattern)!,
                Fraction("--read-ratio", context.Value(readRatio)),
                Positive("--batch-size", context.Value(batchSize)),
                context.Value(seed),
                Directory: ""); // the scratch directory, below
            using var scratch = ScratchDirectory.Create(context.Value(directory), "mnemo-bench");
            var result = await KvBenchmark.RunAsync(options with { Directory = scratch.Path }, line => context.Error.WriteLine(line)).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.WriteJson);
            }
            else
            {
                await result.WriteRatiosAsync(context.Output).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static double Fraction(string option, double value) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentException($"{option} {value} is outside 0..1");

    private static int Positive(string option, int value) =>
        value > 0 ? value : throw new ArgumentException($"{option} {value} is not positive");
}
