using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Mnemo.Core;
using Mnemo.Core.Entries;
using Mnemo.Core.Retrieval;
using Mnemo.Sqlite;

namespace Mnemo.Cli.Benchmarks.Recall;

/// <summary>Settings of <c>mnemo bench recall</c>.</summary>
internal sealed record RecallBenchmarkOptions(int Seed, int Conversations, int Sessions, int Limit, string Directory);

/// <summary>
/// Stores the evaluation dialogues in a scratch database through the engine, asks every question in each search mode
/// within its conversation's namespace, and scores where the evidence turns came.
/// </summary>
internal static class RecallBenchmark
{
    /// <summary>The modes compared, in the order they run.</summary>
    public static readonly SearchMode[] Modes = [SearchMode.FullText, SearchMode.Vector, SearchMode.Hybrid];

    private const int BatchSize = 500;

    // Unmeasured searches per mode first, so that the JIT has compiled the search path before it is timed.
    private const int WarmUpQuestions = 30;

    /// <summary>Runs the benchmark; <paramref name="log"/> receives a line per phase.</summary>
    public static async Task<RecallBenchmarkResult> RunAsync(RecallBenchmarkOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var dataset = RecallDataset.Generate(options.Seed, options.Conversations, options.Sessions);
        var engine = await MnemoEngine.OpenAsync(new MnemoOptions().UseSqlite(Path.Combine(options.Directory, "recall.db")), cancellationToken)
            .ConfigureAwait(false);
        await using (engine.ConfigureAwait(false))
        {
            var clock = Stopwatch.StartNew();
            foreach (var chunk in dataset.Turns.Chunk(BatchSize))
            {
                await engine.StoreManyAsync(chunk.Select(ToWrite).ToArray(), cancellationToken).ConfigureAwait(false);
            }

            var importSeconds = clock.Elapsed.TotalSeconds;
            log($"stored {dataset.Turns.Count:N0} turns in {importSeconds:0.00} s");

            // Index catch-up happens on the first search; do it here so that it is not counted as a question's latency.
            clock.Restart();
            await engine.SearchAsync("index", new SearchFilter { Prefix = "eval/" }, cancellationToken).ConfigureAwait(false);
            var indexSeconds = clock.Elapsed.TotalSeconds;
            log($"indexed in {indexSeconds:0.00} s");

            var results = new List<RecallModeResult>();
            foreach (var mode in Modes)
            {
                foreach (var question in dataset.Questions.Take(WarmUpQuestions))
                {
                    await engine.SearchAsync(question.Text, Filter(question, mode, options.Limit), cancellationToken).ConfigureAwait(false);
                }

                var ranks = new int[dataset.Questions.Count];
                var latencies = new List<double>(dataset.Questions.Count);
                for (var q = 0; q < dataset.Questions.Count; q++)
                {
                    var question = dataset.Questions[q];
                    var started = Stopwatch.GetTimestamp();
                    var hits = await engine.SearchAsync(question.Text, Filter(question, mode, options.Limit), cancellationToken).ConfigureAwait(false);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    ranks[q] = RankOfEvidence(hits, question.EvidenceKeys);
                }

                var result = new RecallModeResult(mode, ranks, LatencySummary.Of(latencies));
                log($"{result.Name,-9} recall@5 {result.RecallAt(5):0.000}  MRR {result.Mrr:0.000}  p50 {result.Latency.P50:0.00} ms");
                results.Add(result);
            }

            var embedder = await engine.GetEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);
            return new RecallBenchmarkResult(options, dataset, embedder, importSeconds, indexSeconds, results);
        }
    }

    /// <summary>The 1-based rank of the first hit that is an evidence turn, or 0 when there is none.</summary>
    public static int RankOfEvidence(IReadOnlyList<SearchHit> hits, IReadOnlyList<string> evidence)
    {
        for (var i = 0; i < hits.Count; i++)
        {
            if (evidence.Contains(hits[i].Entry.Key, StringComparer.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static SearchFilter Filter(RecallQuestion question, SearchMode mode, int limit) =>
        new() { Prefix = RecallDataset.Namespace(question.Conversation), Mode = mode, Limit = limit };

    private static MemoryWrite ToWrite(RecallTurn turn)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("speaker", turn.Speaker);
            writer.WriteString("session_date", turn.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteNumber("session", turn.Session);
            writer.WriteEndObject();
        }

        using var metadata = JsonDocument.Parse(buffer.WrittenMemory);
        return new MemoryWrite { Key = turn.Key, Text = turn.Text, Metadata = metadata.RootElement.Clone(), Kind = "turn" };
    }
}
