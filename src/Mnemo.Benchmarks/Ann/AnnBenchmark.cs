using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mnemo.Benchmarks.Reporting;
using Mnemo.Core;
using Mnemo.Core.Vectors;

namespace Mnemo.Benchmarks.Ann;

/// <summary>
/// The runner behind <c>mnemo bench ann</c> (shared/bench/ann/CONTRACT.md): builds an <see cref="HnswIndex"/> from a
/// texmex base file, sweeps ef_search over the queries, and reports build time, index size, recall@10 and QPS.
/// </summary>
/// <remarks>
/// Measurement rules as the anchor: build time excludes file reading; queries are issued one at a time, in file
/// order, through <see cref="HnswIndex.Search(ReadOnlySpan{float}, Span{VectorMatch}, int, Func{long, bool}?)"/>;
/// QPS is the best timed pass after a warm-up, with at least <see cref="AnnBenchmarkOptions.Passes"/> passes and
/// <see cref="AnnBenchmarkOptions.MinTimedSeconds"/> of timing per ef (the anchor's rule); recall is computed
/// against the truth file. With <see cref="VectorQuantization.Int8"/>, re-ranking reads float vectors from the
/// memory-mapped base file, outside the index (as the engine reads them from its database).
/// </remarks>
internal static class AnnBenchmark
{
    private const int RecallDepth = 10;
    private static readonly TimeSpan s_warmUp = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs the benchmark.</summary>
    /// <param name="options">The command's options.</param>
    /// <param name="log">Progress lines (for stderr); may be null.</param>
    /// <param name="cancellationToken">Cancels between inserts and between passes.</param>
    /// <exception cref="MnemoException">Bad options or input files (<see cref="MnemoErrorCode.InvalidInput"/>).</exception>
    public static async Task<AnnBenchmarkResult> RunAsync(AnnBenchmarkOptions options, IProgress<string>? log,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var baseVectors = await TexmexReader.ReadFvecsAsync(options.BasePath, cancellationToken).ConfigureAwait(false);
        var queries = await TexmexReader.ReadFvecsAsync(options.QueriesPath, cancellationToken).ConfigureAwait(false);
        var truth = await TexmexReader.ReadIvecsAsync(options.TruthPath, cancellationToken).ConfigureAwait(false);
        if (baseVectors.Rows == 0)
        {
            throw new MnemoException(MnemoErrorCode.InvalidInput, "--base holds no vectors");
        }

        if (queries.Dimensions != baseVectors.Dimensions && queries.Rows > 0)
        {
            throw new MnemoException(MnemoErrorCode.InvalidInput,
                $"--queries vectors have {queries.Dimensions} dimensions, --base vectors {baseVectors.Dimensions}");
        }

        if (truth.Rows != queries.Rows)
        {
            throw new MnemoException(MnemoErrorCode.InvalidInput, $"--truth has {truth.Rows} rows for {queries.Rows} queries");
        }

        log?.Report($"read {baseVectors.Rows} x {baseVectors.Dimensions} base vectors, {queries.Rows} queries, truth top-{truth.Dimensions}");

        using var source = options.Quantize == VectorQuantization.Int8
            ? new FvecsFileVectorSource(options.BasePath, baseVectors.Dimensions, baseVectors.Rows)
            : null;
        using var index = new HnswIndex(
            new HnswOptions
            {
                Dimensions = baseVectors.Dimensions,
                Metric = options.Metric,
                M = options.M,
                EfConstruction = options.EfConstruction,
                Quantization = options.Quantize,
                ExactSearchThreshold = 0,
                CompactionThreshold = 0,
            },
            source);

        var buildSeconds = Build(index, baseVectors, log, cancellationToken);
        var indexBytes = index.MemoryBytes;
        log?.Report($"built in {buildSeconds:F1} s, index {indexBytes / 1e6:F1} MB in memory");
        if (options.Quantize == VectorQuantization.None)
        {
            baseVectors = null;     // the index holds its own copy; let the GC reclaim the file's
        }

        var k = options.K;
        var ids = new int[queries.Rows * k];
        var results = new List<AnnSweepPoint>(options.EfSearch.Count);
        var warmedUp = false;
        foreach (var ef in options.EfSearch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!warmedUp)
            {
                WarmUp(index, queries, k, ef);
                warmedUp = true;
            }

            var best = 0.0;
            var spent = 0.0;
            for (var pass = 0; pass < options.Passes || spent < options.MinTimedSeconds; pass++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var seconds = RunQueries(index, queries, ids, k, ef, options.Threads);
                best = Math.Max(best, queries.Rows / Math.Max(seconds, 1e-9));
                spent += seconds;
            }

            var recall = Recall(ids, k, truth);
            results.Add(new AnnSweepPoint(ef, recall, best));
            log?.Report($"ef={ef} recall@10={recall:F4} qps={best:F0}");
            if (options.IdsOutDirectory is { } directory)
            {
                Directory.CreateDirectory(directory);
                var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"ef-{ef}.ivecs"));
                await TexmexWriter.WriteIvecsAsync(path, new TexmexMatrix<int>((int[])ids.Clone(), queries.Rows, k), cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        return new AnnBenchmarkResult
        {
            BuildSeconds = buildSeconds,
            IndexBytes = indexBytes,
            IndexBytesKind = "memory",
            N = index.Count,
            Dimensions = index.Dimensions,
            QueryCount = queries.Rows,
            Metric = options.Metric,
            Quantize = options.Quantize,
            K = k,
            M = options.M,
            EfConstruction = options.EfConstruction,
            Threads = options.Threads,
            Results = results,
        };
    }

    /// <summary>Writes the result as the contract's JSON object (no reflection: safe for trimming and AOT).</summary>
    /// <param name="result">The benchmark result.</param>
    /// <param name="writer">Receives one JSON object.</param>
    public static void WriteJson(AnnBenchmarkResult result, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("build_seconds", Math.Round(result.BuildSeconds, 3));
        writer.WriteNumber("index_bytes", result.IndexBytes);
        writer.WriteString("index_bytes_kind", result.IndexBytesKind);
        writer.WriteNumber("n", result.N);
        writer.WriteNumber("dim", result.Dimensions);
        writer.WriteNumber("queries", result.QueryCount);
        writer.WriteString("metric", result.Metric switch
        {
            VectorMetric.L2 => "l2",
            VectorMetric.Dot => "dot",
            _ => "cosine",
        });
        writer.WriteString("quantize", result.Quantize == VectorQuantization.Int8 ? "int8" : "none");
        writer.WriteNumber("k", result.K);
        writer.WriteNumber("m", result.M);
        writer.WriteNumber("ef_construction", result.EfConstruction);
        writer.WriteNumber("threads", result.Threads);
        writer.WriteString("version", typeof(HnswIndex).Assembly.GetName().Version?.ToString() ?? "0.0.0");
        writer.WriteStartArray("results");
        foreach (var point in result.Results)
        {
            writer.WriteStartObject();
            writer.WriteNumber("ef", point.Ef);
            writer.WriteNumber("recall_at_10", Math.Round(point.RecallAt10, 6));
            writer.WriteNumber("qps", Math.Round(point.Qps, 1));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>The contract's JSON object as a string.</summary>
    /// <param name="result">The benchmark result.</param>
    /// <param name="indented">Pretty-print.</param>
    public static string ToJson(AnnBenchmarkResult result, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            WriteJson(result, writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes the sweep as a table for people, then the build time and the index's size.</summary>
    /// <param name="result">The benchmark result.</param>
    /// <param name="output">Receives the table.</param>
    public static async Task WriteTableAsync(AnnBenchmarkResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var table = new TextTable("EF", "RECALL@10", "QPS");
        foreach (var point in result.Results)
        {
            table.Add(point.Ef.ToString(CultureInfo.InvariantCulture), point.RecallAt10.ToString("0.###", CultureInfo.InvariantCulture),
                point.Qps.ToString("N0", CultureInfo.InvariantCulture));
        }

        table.WriteTo(output);
        await output.WriteLineAsync($"build {result.BuildSeconds:0.0} s, index {Bytes(result.IndexBytes)}").ConfigureAwait(false);
    }

    private static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0 'KiB'", CultureInfo.InvariantCulture),
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.0 'MiB'", CultureInfo.InvariantCulture),
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.00 'GiB'", CultureInfo.InvariantCulture),
    };

    private static double Build(HnswIndex index, TexmexMatrix<float> baseVectors, IProgress<string>? log,
        CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        for (var row = 0; row < baseVectors.Rows; row++)
        {
            index.Add(row, baseVectors.Row(row));
            if ((row & 0x3FFF) == 0x3FFF)
            {
                cancellationToken.ThrowIfCancellationRequested();
                log?.Report($"inserted {row + 1} in {watch.Elapsed.TotalSeconds:F1} s");
            }
        }

        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Runs queries for a fixed time so the search path is JIT-optimised before the timed passes.</summary>
    private static void WarmUp(HnswIndex index, TexmexMatrix<float> queries, int k, int ef)
    {
        Span<VectorMatch> found = new VectorMatch[k];
        var watch = Stopwatch.StartNew();
        for (var i = 0; watch.Elapsed < s_warmUp && queries.Rows > 0; i = (i + 1) % queries.Rows)
        {
            index.Search(queries.Row(i), found, ef);
        }
    }

    private static double RunQueries(HnswIndex index, TexmexMatrix<float> queries, int[] ids, int k, int ef, int threads)
    {
        var watch = Stopwatch.StartNew();
        if (threads == 1)
        {
            SearchRange(index, queries, ids, k, ef, 0, queries.Rows);
        }
        else
        {
            var per = (queries.Rows + threads - 1) / threads;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads },
                t => SearchRange(index, queries, ids, k, ef, t * per, Math.Min(queries.Rows, (t + 1) * per)));
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static void SearchRange(HnswIndex index, TexmexMatrix<float> queries, int[] ids, int k, int ef, int from, int to)
    {
        Span<VectorMatch> found = new VectorMatch[k];
        for (var q = from; q < to; q++)
        {
            var n = index.Search(queries.Row(q), found, ef);
            var row = ids.AsSpan(q * k, k);
            for (var i = 0; i < k; i++)
            {
                row[i] = i < n ? (int)found[i].Id : -1;
            }
        }
    }

    /// <summary>Mean over queries of |returned top-10 ∩ first 10 truth ids| / 10.</summary>
    internal static double Recall(int[] ids, int k, TexmexMatrix<int> truth)
    {
        if (truth.Rows == 0)
        {
            return 0;
        }

        var depth = Math.Min(RecallDepth, k);
        var truthDepth = Math.Min(RecallDepth, truth.Dimensions);
        var hits = 0L;
        for (var q = 0; q < truth.Rows; q++)
        {
            var expected = truth.Row(q)[..truthDepth];
            var got = ids.AsSpan(q * k, depth);
            foreach (var id in got)
            {
                if (id >= 0 && expected.Contains(id))
                {
                    hits++;
                }
            }
        }

        return hits / (double)(truth.Rows * RecallDepth);
    }
}
