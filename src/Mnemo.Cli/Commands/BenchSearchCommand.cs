using System.CommandLine;
using Mnemo.Benchmarks;
using Mnemo.Benchmarks.Search;
using Mnemo.Cli.Output;
using Mnemo.Core;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo bench search</c>: hybrid search latency over many entries with the CLI's embedder (the local arctic-xs model
/// unless MNEMO_EMBEDDER says otherwise), beside full-text and vector search alone and the query embedding alone, plus
/// the import rate and index build time, all measured in one run.
/// </summary>
/// <remarks>
/// A fresh scratch database unless <c>--db</c> is given explicitly: the default database is never used, so a
/// benchmark cannot fill the user's memory with synthetic entries.
/// </remarks>
internal static class BenchSearchCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Entries to write and search", DefaultValueFactory = _ => 100_000 };
        var queries = new Option<int>("--queries") { Description = "Timed searches per mode", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the texts and queries", DefaultValueFactory = _ => 42 };
        var batchSize = new Option<int>("--batch-size") { Description = "Entries written per transaction", DefaultValueFactory = _ => 1000 };
        var reuse = new Option<bool>("--reuse")
        {
            Description = "The --db already holds this --count and --seed's entries from an earlier run: write nothing, time the searches again",
        };
        var command = new Command("search",
            "Benchmark search latency: p50/p95/p99 of hybrid, full-text and vector search over --count entries, import rate and index build")
        {
            count, queries, seed, batchSize, reuse,
        };
        command.SetBenchBody(async context =>
        {
            var options = new SearchBenchmarkOptions(
                Positive("--count", context.Value(count)),
                Positive("--queries", context.Value(queries)),
                context.Value(seed),
                Positive("--batch-size", context.Value(batchSize)),
                context.Value(reuse));
            var given = context.Value(GlobalOptions.Database);
            if (options.Reuse && given is null)
            {
                throw new ArgumentException("--reuse needs --db: the database an earlier run of the same --count and --seed wrote");
            }

            // The CLI's own options (its default embedder, MNEMO_EMBEDDER), on a scratch database unless --db was given.
            using var scratch = given is null ? ScratchDirectory.Create(null, "mnemo-bench-search") : null;
            var engineOptions = context.CreateOptions();
            if (scratch is not null)
            {
                engineOptions.UseSqlite(Path.Combine(scratch.Path, "search.db"));
            }

            var result = await SearchBenchmark.RunAsync(engineOptions, options, new ProgressLine(context.Error), context.CancellationToken).ConfigureAwait(false);
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

    private static int Positive(string option, int value) =>
        value > 0 ? value : throw new ArgumentException($"{option} {value} is not positive");
}
