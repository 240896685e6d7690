using System.Diagnostics;
using Mnemo.Core;

namespace Mnemo.Benchmarks.Recall;

/// <summary>Settings of <c>mnemo bench recall</c>.</summary>
/// <param name="Set">The evaluation set: <see cref="RecallDataset.People"/> or <see cref="RecallDataset.Assistant"/>.</param>
/// <param name="Seeds">The seeds to run, one set each.</param>
/// <param name="Conversations">Conversations per set; null for the set's default.</param>
/// <param name="Sessions">Sessions per conversation; null for the set's default.</param>
/// <param name="Limit">Results asked per search.</param>
/// <param name="Directory">Where each seed's scratch databases are made.</param>
/// <param name="Embedder">The embedder asked for with <c>--embedder</c>, or null for the engine's default.</param>
/// <param name="EngineOptions">The engine's options for a database path (the CLI's, with that path).</param>
internal sealed record RecallBenchmarkOptions(
    string Set, IReadOnlyList<int> Seeds, int? Conversations, int? Sessions, int Limit, string Directory, string? Embedder,
    Func<string, MnemoOptions> EngineOptions);

/// <summary>
/// For each seed: generates the set, imports its turns into a scratch database as <c>mnemo import</c> does, indexes them
/// in a plain SQLite FTS5 baseline too, asks every question in each mode within its conversation, and scores where the
/// evidence turns came.
/// </summary>
internal static class RecallBenchmark
{
    /// <summary>The plain baseline (<see cref="Bm25Baseline"/>), which every other mode is compared with.</summary>
    public const string Baseline = "bm25";

    /// <summary>The modes compared, in the order they run and are reported.</summary>
    public static readonly IReadOnlyList<string> Modes = [Baseline, "text", "vector", "hybrid"];

    // Unmeasured searches per mode first, so that the JIT has compiled the search path before it is timed.
    private const int WarmUpQuestions = 30;

    private static readonly Dictionary<string, SearchMode> s_engineModes = new(StringComparer.Ordinal)
    {
        ["text"] = SearchMode.FullText,
        ["vector"] = SearchMode.Vector,
        ["hybrid"] = SearchMode.Hybrid,
    };

    /// <summary>Runs every seed in turn; <paramref name="log"/> receives a line per phase.</summary>
    public static async Task<RecallBenchmarkResult> RunAsync(RecallBenchmarkOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var runs = new List<RecallRun>();
        foreach (var seed in options.Seeds)
        {
            runs.Add(await RunSeedAsync(options, seed, log, cancellationToken).ConfigureAwait(false));
        }

        return new RecallBenchmarkResult(options, runs, clock.Elapsed.TotalSeconds);
    }

    private static async Task<RecallRun> RunSeedAsync(
        RecallBenchmarkOptions options, int seed, Action<string> log, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        var dataset = RecallDataset.Generate(options.Set, seed, options.Conversations, options.Sessions);
        var generateSeconds = clock.Elapsed.TotalSeconds;
        log($"seed {seed}: {dataset.Turns.Count:N0} turns in {dataset.Conversations} conversations, {dataset.Questions.Count} questions");

        var directory = Path.Combine(options.Directory, $"seed-{seed}");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "turns.jsonl");
        await TurnImportFile.WriteAsync(file, dataset.Turns, cancellationToken).ConfigureAwait(false);
        var engine = await MnemoEngine.OpenAsync(options.EngineOptions(Path.Combine(directory, "mnemo.db")), cancellationToken).ConfigureAwait(false);
        await using (engine.ConfigureAwait(false))
        {
            clock.Restart();
            await engine.ImportAsync(file, null, cancellationToken).ConfigureAwait(false);
            var importSeconds = clock.Elapsed.TotalSeconds;

            // Indexed before the first question, as `mnemo import` does, so that no question's latency pays for it.
            clock.Restart();
            await engine.CatchUpIndexesAsync(null, cancellationToken).ConfigureAwait(false);
            var indexSeconds = clock.Elapsed.TotalSeconds;
            var model = await engine.GetEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);
            log($"imported in {importSeconds:0.00} s, indexed in {indexSeconds:0.00} s ({model})");

            clock.Restart();
            var baseline = await Bm25Baseline.BuildAsync(Path.Combine(directory, "bm25.db"), dataset.Turns, cancellationToken).ConfigureAwait(false);
            await using (baseline.ConfigureAwait(false))
            {
                var baselineSeconds = clock.Elapsed.TotalSeconds;
                var results = new List<RecallModeResult>();
                var searchSeconds = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var mode in Modes)
                {
                    clock.Restart();
                    Func<RecallQuestion, Task<IReadOnlyList<string>>> search = mode == Baseline
                        ? question => baseline.SearchAsync(question.Conversation, question.Text, options.Limit, cancellationToken)
                        : question => SearchEngineAsync(engine, question, s_engineModes[mode], options.Limit, cancellationToken);
                    var result = await MeasureAsync(mode, dataset.Questions, search).ConfigureAwait(false);
                    searchSeconds[mode] = clock.Elapsed.TotalSeconds;
                    var all = result.Figures(Enumerable.Range(0, dataset.Questions.Count).ToArray());
                    log($"{mode,-7} recall@10 {all.RecallAt10:0.000}  MRR {all.Mrr:0.000}  p50 {result.Latency.P50:0.00} ms");
                    results.Add(result);
                }

                var timings = new RecallTimings(
                    generateSeconds, importSeconds, indexSeconds, baselineSeconds, searchSeconds, total.Elapsed.TotalSeconds);
                return new RecallRun(seed, dataset, model, timings, results);
            }
        }
    }

    /// <summary>Asks every question (after a few unmeasured ones) and records where its evidence came and how long each search took.</summary>
    private static async Task<RecallModeResult> MeasureAsync(
        string mode, IReadOnlyList<RecallQuestion> questions, Func<RecallQuestion, Task<IReadOnlyList<string>>> searchAsync)
    {
        foreach (var question in questions.Take(WarmUpQuestions))
        {
            await searchAsync(question).ConfigureAwait(false);
        }

        var ranks = new int[questions.Count][];
        var latencies = new List<double>(questions.Count);
        for (var q = 0; q < questions.Count; q++)
        {
            var started = Stopwatch.GetTimestamp();
            var keys = await searchAsync(questions[q]).ConfigureAwait(false);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            ranks[q] = RecallModeResult.RanksOf(keys, questions[q].EvidenceKeys);
        }

        return new RecallModeResult(mode, ranks, LatencySummary.Of(latencies));
    }

    private static async Task<IReadOnlyList<string>> SearchEngineAsync(
        MnemoEngine engine, RecallQuestion question, SearchMode mode, int limit, CancellationToken cancellationToken)
    {
        var filter = new SearchFilter { Prefix = RecallDataset.Namespace(question.Conversation), Mode = mode, Limit = limit };
        var hits = await engine.SearchAsync(question.Text, filter, cancellationToken).ConfigureAwait(false);
        return hits.Select(hit => hit.Entry.Key).ToList();
    }
}
