using System.CommandLine;
using System.Globalization;
using Mnemo.Benchmarks.Embed;
using Mnemo.Cli.Output;
using Mnemo.Core.Embeddings;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo bench embed</c>: a local model's load time, batch throughput and single-query latency on this machine, for
/// each thread count asked, in one run.
/// </summary>
internal static class BenchEmbedCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The local model: arctic-xs or minilm", DefaultValueFactory = _ => LocalModels.ArcticXs };
        model.AcceptOnlyFromAmong([.. LocalModels.All]);
        var threads = new Option<string>("--threads") { Description = "Comma-separated ONNX Runtime thread counts to measure", DefaultValueFactory = _ => "1,2" };
        var texts = new Option<int>("--texts") { Description = "Documents (20 words each) embedded for throughput", DefaultValueFactory = _ => 512 };
        var queries = new Option<int>("--queries") { Description = "Single queries (8 words) timed", DefaultValueFactory = _ => 50 };
        var command = new Command("embed", "Benchmark a local embedding model: load time, texts per second and query latency per thread count")
        {
            model, threads, texts, queries,
        };
        command.SetBenchBody(async context =>
        {
            var counts = (context.Value(threads) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 64
                    ? n
                    : throw new ArgumentException($"--threads '{context.Value(threads)}' is not a list of thread counts: use e.g. 1,2"))
                .ToList();
            if (counts.Count == 0 || context.Value(texts) < 1 || context.Value(queries) < 1)
            {
                throw new ArgumentException("--threads needs at least one count, --texts and --queries at least 1");
            }

            var result = await EmbedBenchmark.RunAsync(context.Value(model)!, counts, context.Value(texts), context.Value(queries),
                new ProgressLine(context.Error), context.CancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.WriteJson);
            }
            else
            {
                result.WriteTable(context.Output);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
