using System.CommandLine;
using Mnemo.Cli.Benchmarks;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo bench kv</c>: put/get throughput and latency of Mnemo beside SQLite used directly, in one run.</summary>
internal static class BenchKvCommand
{
    private const int WarmUpCount = 3000;
    private static readonly TimeSpan s_warmUpTime = TimeSpan.FromSeconds(2);

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
        command.SetBody(async context =>
        {
            var options = new KvBenchmarkOptions(
                Positive("--count", context.Value(count)),
                Positive("--value-size", context.Value(valueSize)),
                context.Value(pattern)!,
                Fraction("--read-ratio", context.Value(readRatio)),
                Positive("--batch-size", context.Value(batchSize)),
                context.Value(seed),
                context.Value(directory) ?? Path.Combine(Path.GetTempPath(), $"mnemo-bench-{Guid.NewGuid():N}"));
            var ownDirectory = context.Value(directory) is null;
            Directory.CreateDirectory(options.Directory);
            try
            {
                // Unmeasured rounds first, for at least two seconds, so that both sides are measured in steady state: the
                // JIT replaces quickly compiled code with optimised code only after a method has run for a while.
                var warmUpClock = System.Diagnostics.Stopwatch.StartNew();
                for (var round = 0; warmUpClock.Elapsed < s_warmUpTime; round++)
                {
                    var warmUp = options with
                    {
                        Count = Math.Min(options.Count, WarmUpCount),
                        Directory = Path.Combine(options.Directory, $"warm-up-{round}"),
                    };
                    Directory.CreateDirectory(warmUp.Directory);
                    await new KvBenchmark(warmUp).RunAsync(_ => { }).ConfigureAwait(false);
                }

                var results = await new KvBenchmark(options).RunAsync(line => context.Error.WriteLine(line)).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => KvBenchmark.WriteJson(writer, options, results));
                }
                else
                {
                    foreach (var (phase, result) in results)
                    {
                        await context.Output.WriteLineAsync(
                            $"{phase,-12} mnemo/sqlite = {result.Mnemo.OperationsPerSecond / result.Sqlite.OperationsPerSecond:0.00}x").ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                if (ownDirectory)
                {
                    Directory.Delete(options.Directory, recursive: true);
                }
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
