using System.CommandLine;
using System.Globalization;
using Mnemo.Cli.Output;
using Mnemo.Core.Embeddings;
using Mnemo.Embeddings.Onnx;

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
        command.SetBody(async context =>
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

            var progress = new ProgressLine(context.Error);
            var results = new List<OnnxEmbedderMeasurement>();
            foreach (var count in counts)
            {
                progress.Line($"{context.Value(model)}: {count} thread(s)...");
                results.Add(await OnnxEmbedderBenchmark.MeasureAsync(context.Value(model)!, new OnnxEmbedderOptions { Threads = count },
                    context.Value(texts), context.Value(queries), context.CancellationToken).ConfigureAwait(false));
            }

            if (context.Json)
            {
                context.WriteJson(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("benchmark", "embed");
                    writer.WriteString("model", context.Value(model));
                    writer.WriteStartArray("runs");
                    foreach (var run in results)
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("threads", run.Threads);
                        writer.WriteNumber("batch_size", run.BatchSize);
                        writer.WriteNumber("load_ms", Math.Round(run.LoadTime.TotalMilliseconds, 1));
                        writer.WriteNumber("texts", run.Texts);
                        writer.WriteNumber("average_tokens", Math.Round(run.AverageTokens, 1));
                        writer.WriteNumber("texts_per_sec", Math.Round(run.TextsPerSecond, 1));
                        writer.WriteNumber("query_p50_ms", Math.Round(run.QueryLatencyMedian.TotalMilliseconds, 2));
                        writer.WriteNumber("query_p90_ms", Math.Round(run.QueryLatencyP90.TotalMilliseconds, 2));
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
            }
            else
            {
                var table = new TextTable("THREADS", "LOAD MS", "TEXTS/S", "QUERY P50 MS", "QUERY P90 MS");
                foreach (var run in results)
                {
                    table.Add(run.Threads.ToString(CultureInfo.InvariantCulture), Format(run.LoadTime.TotalMilliseconds), Format(run.TextsPerSecond),
                        Format(run.QueryLatencyMedian.TotalMilliseconds), Format(run.QueryLatencyP90.TotalMilliseconds));
                }

                table.WriteTo(context.Output);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Format(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
