using System.Diagnostics;
using Mnemo.Core;
using Mnemo.Core.Tokens;

namespace Mnemo.Benchmarks.Context;

internal static partial class ContextBenchmark
{
    // Unmeasured assemblies and searches at each size before timing, so that the JIT has compiled both paths and SQLite's
    // page cache holds what they touch.
    private const int WarmUps = 5;

    // Every paraphrase of every question in the catalog: varied prompts, most of which match something in the store.
    private static readonly string[] s_prompts = [.. ContextFactCatalog.All.SelectMany(fact => fact.Questions)];

    /// <summary>
    /// Grows the store to each size with filler entries (written in batches), brings the indexes up to date, then times
    /// assemblies of varied prompts in the user's current session and the top-k baseline on the same prompts.
    /// </summary>
    private static async Task<IReadOnlyList<ContextLatency>> MeasureLatencyAsync(
        MnemoEngine engine, ContextUser user, ContextBenchmarkOptions options, ITokenCounter counter, Action<string> log,
        CancellationToken cancellationToken)
    {
        var budget = options.Budgets.Max();
        var random = new Random(options.Seed);
        var written = 0;
        var results = new List<ContextLatency>();
        foreach (var size in options.Sizes.Order())
        {
            var clock = Stopwatch.StartNew();
            var live = (await engine.GetStatusAsync(cancellationToken).ConfigureAwait(false)).Store.LiveEntries;
            var filled = (int)Math.Max(0, size - live);
            var batch = new List<MemoryWrite>(options.BatchSize);
            for (var i = 0; i < filled; i += batch.Count)
            {
                batch.Clear();
                for (var j = i; j < Math.Min(filled, i + options.BatchSize); j++)
                {
                    written++;
                    batch.Add(new MemoryWrite { Key = $"notes/filler/{written:D7}", Text = ContextChat.Note(random, written) });
                }

                await engine.StoreManyAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            var fillSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            await engine.CatchUpIndexesAsync(null, cancellationToken).ConfigureAwait(false);
            var indexSeconds = clock.Elapsed.TotalSeconds;
            var entries = (await engine.GetStatusAsync(cancellationToken).ConfigureAwait(false)).Store.LiveEntries;

            var violations = 0;
            async Task AssembleAsync(string prompt)
            {
                var context = await engine.AssembleContextAsync(Request(prompt, user, budget, options.Tokenizer), cancellationToken).ConfigureAwait(false);
                violations += context.Tokens > budget ? 1 : 0;
            }

            async Task SearchBaselineAsync(string prompt)
            {
                var hits = await SearchAsync(engine, prompt, options.TopK, cancellationToken).ConfigureAwait(false);
                _ = BaselineContext.TopK(hits, counter, budget);
            }

            await WarmUpAsync(AssembleAsync).ConfigureAwait(false);
            violations = 0; // the warm-up's contexts are not counted
            var assembled = await TimeAsync(AssembleAsync, options.Assemblies).ConfigureAwait(false);
            await WarmUpAsync(SearchBaselineAsync).ConfigureAwait(false);
            var topK = await TimeAsync(SearchBaselineAsync, options.Assemblies).ConfigureAwait(false);
            var result = new ContextLatency(entries, filled, fillSeconds, indexSeconds, budget, assembled, topK, violations);
            log($"{entries:N0} entries (filled in {fillSeconds:0.0} s, indexed in {indexSeconds:0.0} s): assembled p50 {assembled.P50:0.00} ms "
                + $"p95 {assembled.P95:0.00} ms; topk p50 {topK.P50:0.00} ms p95 {topK.P95:0.00} ms");
            results.Add(result);
        }

        return results;
    }

    private static async Task WarmUpAsync(Func<string, Task> operation)
    {
        for (var i = 0; i < WarmUps; i++)
        {
            await operation(s_prompts[(i * 7) % s_prompts.Length]).ConfigureAwait(false);
        }
    }

    private static async Task<LatencySummary> TimeAsync(Func<string, Task> operation, int count)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation(s_prompts[i % s_prompts.Length]).ConfigureAwait(false);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return LatencySummary.Of(latencies);
    }
}
