using System.CommandLine;
using Mnemo.Benchmarks.Ann;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo bench ann</c>: builds the HNSW index over a texmex file and sweeps efSearch, as the ANN comparison
/// (shared/bench/ann/CONTRACT.md) runs it beside hnswlib.
/// </summary>
internal static class BenchAnnCommand
{
    public static Command Create()
    {
        var basePath = new Option<string>("--base") { Description = "Base vectors (.fvecs)", Required = true };
        var queries = new Option<string>("--queries") { Description = "Query vectors (.fvecs)", Required = true };
        var truth = new Option<string>("--truth") { Description = "Exact neighbours of each query, nearest first (.ivecs)", Required = true };
        var metric = new Option<string>("--metric") { Description = "cosine, dot or l2", DefaultValueFactory = _ => "cosine" };
        var k = new Option<int>("--k") { Description = "Neighbours returned per query", DefaultValueFactory = _ => 10 };
        var m = new Option<int>("--m") { Description = "HNSW graph degree M", DefaultValueFactory = _ => 16 };
        var efConstruction = new Option<int>("--ef-construction") { Description = "HNSW build beam", DefaultValueFactory = _ => 200 };
        var efSearch = new Option<string>("--ef-search")
        {
            Description = "Comma-separated search beams to sweep",
            DefaultValueFactory = _ => string.Join(',', AnnBenchmarkOptions.DefaultEfSearch),
        };
        var threads = new Option<int>("--threads") { Description = "Threads for build and search (the contract uses 1)", DefaultValueFactory = _ => 1 };
        var quantize = new Option<string>("--quantize") { Description = "Vector storage: none (float32) or int8", DefaultValueFactory = _ => "none" };
        var idsOut = new Option<string?>("--ids-out") { Description = "Directory for ef-<ef>.ivecs files with the ids returned per query" };
        var command = new Command("ann", "Benchmark the vector index: build time, memory, recall@10 and queries per second per efSearch")
        {
            basePath, queries, truth, metric, k, m, efConstruction, efSearch, threads, quantize, idsOut,
        };
        command.SetBenchBody(async context =>
        {
            var options = new AnnBenchmarkOptions
            {
                BasePath = context.Value(basePath)!,
                QueriesPath = context.Value(queries)!,
                TruthPath = context.Value(truth)!,
                Metric = AnnBenchmarkOptions.ParseMetric(context.Value(metric)!),
                K = context.Value(k),
                M = context.Value(m),
                EfConstruction = context.Value(efConstruction),
                EfSearch = AnnBenchmarkOptions.ParseEfList(context.Value(efSearch)!),
                Threads = context.Value(threads),
                Quantize = AnnBenchmarkOptions.ParseQuantize(context.Value(quantize)!),
                IdsOutDirectory = context.Value(idsOut),
            };
            var log = new StderrLines(context.Error);
            var result = await AnnBenchmark.RunAsync(options, log, context.CancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(writer => AnnBenchmark.WriteJson(result, writer));
                return ExitCodes.Ok;
            }

            await AnnBenchmark.WriteTableAsync(result, context.Output).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Writes progress lines to stderr at once and in order (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class StderrLines(TextWriter error) : IProgress<string>
    {
        public void Report(string value) => error.WriteLine(value);
    }
}
