using System.Diagnostics;
using Mnemo.Core.Embeddings;
using Mnemo.Embeddings.Onnx;

namespace Mnemo.Benchmarks.Embed;

/// <summary>
/// Measures a local model on this machine: load time, batch throughput and a single query's latency, for
/// <c>mnemo bench embed</c> and for choosing threads and batch size. It uses only the embedder's public API, so it lives
/// with the other harnesses instead of in the embedder's package.
/// </summary>
/// <remarks>
/// The texts are generated, deterministic sentences: documents of 20 words (about 25 word pieces), the length of a
/// typical stored note, and queries of 8. Nothing else should run meanwhile: the numbers are the machine's.
/// </remarks>
internal static class OnnxEmbedderBenchmark
{
    private const int WordsPerDocument = 20;
    private const int WordsPerQuery = 8;
    private const int WarmUpTexts = 32;

    // Words of the kind agents store; fixed, so that every run embeds the same texts.
    private static readonly string[] s_words =
    [
        "the", "agent", "decided", "to", "use", "a", "cache", "for", "session", "state", "because", "deploy", "failed",
        "yesterday", "after", "disk", "was", "full", "meeting", "moved", "Tuesday", "Alice", "prefers", "Postgres",
        "over", "MySQL", "analytics", "service", "release", "plan", "review", "latency", "budget", "index", "rebuild",
        "memory", "note", "about", "customer", "invoice", "overdue", "and", "of", "in", "with", "on",
    ];

    /// <summary>Loads <paramref name="model"/> with <paramref name="options"/> and measures it.</summary>
    /// <param name="model">The local model's name: <c>arctic-xs</c> or <c>minilm</c>.</param>
    /// <param name="options">Threads and batch size; null for the defaults.</param>
    /// <param name="texts">How many documents the throughput run embeds, at least 1.</param>
    /// <param name="queries">How many single queries the latency run embeds, at least 1.</param>
    /// <param name="cancellationToken">Stops the measurement.</param>
    /// <exception cref="Core.MnemoException">The model could not be loaded.</exception>
    public static async Task<OnnxEmbedderMeasurement> MeasureAsync(
        string model, OnnxEmbedderOptions? options = null, int texts = 512, int queries = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(texts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queries, 1);
        options ??= new OnnxEmbedderOptions();

        var clock = Stopwatch.StartNew();
        using var embedder = OnnxEmbedder.Load(model, options);
        var loadTime = clock.Elapsed;

        var documents = Sentences(texts, WordsPerDocument, seed: 1);
        await embedder.GenerateAsync(documents.Take(WarmUpTexts), EmbeddingInput.ForDocuments(), cancellationToken).ConfigureAwait(false);
        clock.Restart();
        await embedder.GenerateAsync(documents, EmbeddingInput.ForDocuments(), cancellationToken).ConfigureAwait(false);
        var textsPerSecond = texts / clock.Elapsed.TotalSeconds;

        var latencies = new List<TimeSpan>(queries);
        foreach (var query in Sentences(queries, WordsPerQuery, seed: 2))
        {
            clock.Restart();
            await embedder.GenerateAsync([query], EmbeddingInput.ForQueries(), cancellationToken).ConfigureAwait(false);
            latencies.Add(clock.Elapsed);
        }

        latencies.Sort();
        return new OnnxEmbedderMeasurement(
            embedder.Model,
            embedder.Threads,
            options.BatchSize,
            loadTime,
            texts,
            documents.Average(embedder.CountTokens),
            textsPerSecond,
            latencies[latencies.Count / 2],
            latencies[Math.Min(latencies.Count - 1, latencies.Count * 9 / 10)]);
    }

    /// <summary>Deterministic sentences of <paramref name="length"/> words.</summary>
    private static string[] Sentences(int count, int length, int seed)
    {
        // Not System.Random: its sequence for a seed may change between .NET versions, and the texts should not.
        var state = (uint)seed * 2654435761u;
        var sentences = new string[count];
        for (var i = 0; i < count; i++)
        {
            var words = new string[length];
            for (var w = 0; w < words.Length; w++)
            {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                words[w] = s_words[state % (uint)s_words.Length];
            }

            sentences[i] = string.Join(' ', words) + ".";
        }

        return sentences;
    }
}
