using System.Diagnostics;
using Mnemo.Benchmarks.Reporting;
using Mnemo.Core;
using Mnemo.Core.Retrieval;

namespace Mnemo.Benchmarks.Search;

/// <summary>Settings of <c>mnemo bench search</c>.</summary>
/// <param name="Count">Entries to write.</param>
/// <param name="Queries">Timed searches per mode.</param>
/// <param name="Seed">Seed of texts and queries.</param>
/// <param name="BatchSize">Entries per <see cref="MnemoEngine.StoreManyAsync"/> call.</param>
/// <param name="Reuse">
/// True when the database already holds this count and seed's entries from an earlier run: nothing is written, so the
/// queries can be timed again (on a quiet machine, say) without the long index build.
/// </param>
internal sealed record SearchBenchmarkOptions(int Count, int Queries, int Seed, int BatchSize, bool Reuse = false);

/// <summary>
/// Hybrid search latency at scale, in one process and one run: writes synthetic memories through the engine, times
/// the first searches that bring the full-text and vector indexes up to date, then times the same queries in hybrid,
/// full-text-only and vector-only mode.
/// </summary>
internal static class SearchBenchmark
{
    /// <summary>Modes timed, in order: hybrid first, then the two baselines it fuses.</summary>
    public static readonly SearchMode[] Modes = [SearchMode.Hybrid, SearchMode.FullText, SearchMode.Vector];

    /// <summary>Results asked per search, as an agent would.</summary>
    public const int Limit = 10;

    // Unmeasured searches per mode before timing, so that the JIT has optimised the search path and SQLite's page
    // cache holds what any search touches; a few dozen are enough for both.
    private const int MaxWarmUpQueries = 50;

    /// <summary>Opens an engine with <paramref name="engineOptions"/>, runs the benchmark on it, and closes it.</summary>
    public static async Task<SearchBenchmarkResult> RunAsync(
        MnemoOptions engineOptions, SearchBenchmarkOptions options, IBenchmarkProgress progress, CancellationToken cancellationToken)
    {
        var engine = await MnemoEngine.OpenAsync(engineOptions, cancellationToken).ConfigureAwait(false);
        await using (engine.ConfigureAwait(false))
        {
            return await RunAsync(engine, options, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the benchmark on an open engine whose store may already hold other entries.</summary>
    public static async Task<SearchBenchmarkResult> RunAsync(
        MnemoEngine engine, SearchBenchmarkOptions options, IBenchmarkProgress progress, CancellationToken cancellationToken)
    {
        var corpus = new SyntheticCorpus(options.Seed);
        var entries = new (string Key, string Text)[options.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = corpus.NextEntry(i);
        }

        double? importSeconds = null;
        if (options.Reuse)
        {
            await RequireCorpusAsync(engine, entries, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            importSeconds = await ImportAsync(engine, entries, options.BatchSize, progress, cancellationToken).ConfigureAwait(false);
        }

        // The indexes cover every live entry, including any a given --db held before.
        var indexed = (await engine.GetStatusAsync(cancellationToken).ConfigureAwait(false)).Store.LiveEntries;
        progress.Line(importSeconds is { } seconds ? $"import: {entries.Length:N0} entries in {seconds:0.0} s" : $"reused: {indexed:N0} entries");

        // The indexes are brought up to date by the first search that needs them: full text first, then vectors.
        progress.Line("full-text index: catching up on the first full-text search...");
        var textIndexSeconds = await TimeAsync(engine, "index", SearchMode.FullText, cancellationToken).ConfigureAwait(false);
        progress.Line($"full-text index: {textIndexSeconds:0.0} s");
        var indexStarted = Stopwatch.GetTimestamp();
        await engine.CatchUpIndexesAsync(progress.For<ReindexProgress>("vector index: embedding", p => (p.Covered, p.Total)), cancellationToken)
            .ConfigureAwait(false);
        var vectorIndexSeconds = Stopwatch.GetElapsedTime(indexStarted).TotalSeconds;
        progress.Line($"vector index: {vectorIndexSeconds:0.0} s");

        var warmUp = Math.Min(MaxWarmUpQueries, options.Queries);
        var queries = new (string Query, string? Prefix, string Source)[warmUp + options.Queries];
        for (var q = 0; q < queries.Length; q++)
        {
            var (key, text) = entries[corpus.Next(entries.Length)];
            var (query, prefix) = corpus.NextQuery(key, text);
            queries[q] = (query, prefix, key);
        }

        var results = new List<SearchModeResult>();
        foreach (var mode in Modes)
        {
            var name = Recall.RecallModeResult.NameOf(mode);
            for (var q = 0; q < warmUp; q++)
            {
                await engine.SearchAsync(queries[q].Query, Filter(queries[q].Prefix, mode), cancellationToken).ConfigureAwait(false);
            }

            var latencies = new List<double>(options.Queries);
            var found = 0;
            for (var q = warmUp; q < queries.Length; q++)
            {
                var started = Stopwatch.GetTimestamp();
                var hits = await engine.SearchAsync(queries[q].Query, Filter(queries[q].Prefix, mode), cancellationToken).ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                found += hits.Any(hit => hit.Entry.Key == queries[q].Source) ? 1 : 0;
                progress.Report($"{name} searches", q - warmUp + 1, options.Queries);
            }

            var result = new SearchModeResult(mode, LatencySummary.Of(latencies), (double)found / options.Queries);
            progress.Line($"{name}: p50 {result.Latency.P50:0.00} ms  p95 {result.Latency.P95:0.00} ms  p99 {result.Latency.P99:0.00} ms");
            results.Add(result);
        }

        // The query's embedding alone, for the same queries: its share of a hybrid search's time.
        var embeddings = new List<double>(options.Queries);
        for (var q = warmUp; q < queries.Length; q++)
        {
            var embeddingStarted = Stopwatch.GetTimestamp();
            await engine.EmbedQueryAsync(queries[q].Query, cancellationToken).ConfigureAwait(false);
            embeddings.Add(Stopwatch.GetElapsedTime(embeddingStarted).TotalMilliseconds);
        }

        var embedding = LatencySummary.Of(embeddings);
        progress.Line($"query embedding alone: p50 {embedding.P50:0.00} ms  p95 {embedding.P95:0.00} ms");
        var embedder = await engine.GetEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);
        return new SearchBenchmarkResult(options, embedder, importSeconds, indexed, textIndexSeconds, vectorIndexSeconds,
            queries.Skip(warmUp).Count(q => q.Prefix is not null), results, embedding);
    }

    /// <summary>Writes the entries in batches, as an agent or <c>mnemo import</c> writes many memories; returns the seconds taken.</summary>
    private static async Task<double> ImportAsync(
        MnemoEngine engine, (string Key, string Text)[] entries, int batchSize, IBenchmarkProgress progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var batch = new List<MemoryWrite>(batchSize);
        for (var start = 0; start < entries.Length; start += batchSize)
        {
            batch.Clear();
            for (var i = start; i < Math.Min(entries.Length, start + batchSize); i++)
            {
                batch.Add(new MemoryWrite { Key = entries[i].Key, Text = entries[i].Text });
            }

            await engine.StoreManyAsync(batch, cancellationToken).ConfigureAwait(false);
            progress.Report("import", start + batch.Count, entries.Length);
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Refuses --reuse on a database that does not hold the entries this count and seed would write.</summary>
    private static async Task RequireCorpusAsync(MnemoEngine engine, (string Key, string Text)[] entries, CancellationToken cancellationToken)
    {
        foreach (var (key, text) in new[] { entries[0], entries[^1] })
        {
            if ((await engine.GetAsync(key, cancellationToken).ConfigureAwait(false))?.Text != text)
            {
                throw new ArgumentException(
                    $"--reuse: the database does not hold the entries of this --count and --seed ('{key}' is missing or differs): "
                    + "run once without --reuse on the same --db to write them");
            }
        }
    }

    private static SearchFilter Filter(string? prefix, SearchMode mode) => new() { Prefix = prefix ?? "", Mode = mode, Limit = Limit };

    private static async Task<double> TimeAsync(MnemoEngine engine, string query, SearchMode mode, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await engine.SearchAsync(query, Filter(null, mode), cancellationToken).ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
