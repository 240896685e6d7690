using Mnemo.Benchmarks.Reporting;
using Mnemo.Embeddings.Onnx;

namespace Mnemo.Benchmarks.Embed;

/// <summary>
/// <c>mnemo bench embed</c>: a local model's load time, batch throughput and single-query latency on this machine, for
/// each thread count, one after the other in one run (<see cref="OnnxEmbedderBenchmark"/> measures each).
/// </summary>
internal static class EmbedBenchmark
{
    /// <summary>Measures <paramref name="model"/> with each of <paramref name="threads"/>, in that order.</summary>
    /// <param name="model">The local model: arctic-xs or minilm.</param>
    /// <param name="threads">ONNX Runtime thread counts, at least one.</param>
    /// <param name="texts">Documents embedded for throughput, at least 1.</param>
    /// <param name="queries">Single queries timed, at least 1.</param>
    /// <param name="progress">Progress for people.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<EmbedBenchmarkResult> RunAsync(
        string model, IReadOnlyList<int> threads, int texts, int queries, IBenchmarkProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(threads);
        ArgumentNullException.ThrowIfNull(progress);
        var runs = new List<OnnxEmbedderMeasurement>();
        foreach (var count in threads)
        {
            progress.Line($"{model}: {count} thread(s)...");
            runs.Add(await OnnxEmbedderBenchmark.MeasureAsync(model, new OnnxEmbedderOptions { Threads = count }, texts, queries, cancellationToken)
                .ConfigureAwait(false));
        }

        return new EmbedBenchmarkResult(model, runs);
    }
}
