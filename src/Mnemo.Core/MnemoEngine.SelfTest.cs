using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mnemo.Core.Monitoring.SelfTest;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>The namespace under which self-tests write their scratch entries, one sub-namespace per run.</summary>
    public const string SelfTestNamespace = "mnemo-selftest";

    private static readonly string[] s_selfTestTopics =
    [
        "the database keeps every version of a decision",
        "agents share what they learn through the change feed",
        "an exclusive lock carries a fencing token",
        "the context window slides without splitting a tool call",
        "a quota warns from eighty percent of its bytes",
    ];

    /// <summary>
    /// Runs real operations on a new scratch namespace under <see cref="SelfTestNamespace"/> and checks each result: a
    /// store returns version 1, a get returns what was stored, a write with the right expected version succeeds and one
    /// with a stale version is refused, history holds both versions, a listing finds every entry, a full-text search
    /// finds a unique word first, a hybrid search finds an entry by its sentence, and a forget erases them. The scratch
    /// entries are forgotten with their history at the end, whatever failed (a removal mark per key stays, as for every
    /// purge).
    /// </summary>
    /// <remarks>Writes as this engine's agent, so access rules apply: without write access to the namespace the checks fail and say why.</remarks>
    public async Task<OperationValidation> ValidateOperationsAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var scratch = NewSelfTestNamespace();
        var word = "probe" + scratch[^8..];
        var checks = new List<OperationCheck>();
        var keys = Enumerable.Range(0, s_selfTestTopics.Length).Select(i => $"{scratch}/entry-{i}").ToArray();
        string TextOf(int i) => $"Self-test {word} {i}: {s_selfTestTopics[i]}.";

        async Task CheckAsync(string name, Func<Task<(bool Passed, string Detail)>> run)
        {
            var start = Stopwatch.GetTimestamp();
            (bool Passed, string Detail) result;
            try
            {
                result = await run().ConfigureAwait(false);
            }
            catch (Exception e) when (e is MnemoException or ArgumentException or InvalidOperationException)
            {
                result = (false, $"{e.GetType().Name}: {e.Message}");
            }

            checks.Add(new OperationCheck(name, result.Passed, result.Detail, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
        }

        try
        {
            await CheckAsync("store creates version 1 of each entry", async () =>
            {
                var versions = new List<long>();
                for (var i = 0; i < keys.Length; i++)
                {
                    var metadata = JsonDocument.Parse($$"""{"selftest":{{i}}}""").RootElement;
                    var outcome = await StoreAsync(new MemoryWrite { Key = keys[i], Text = TextOf(i), Tags = ["selftest"], Metadata = metadata }, cancellationToken)
                        .ConfigureAwait(false);
                    versions.Add(outcome.Entry.Version);
                }

                return (versions.All(v => v == 1), $"versions {string.Join(", ", versions)}");
            }).ConfigureAwait(false);

            await CheckAsync("get returns the text, tags and metadata stored", async () =>
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    var entry = await GetAsync(keys[i], cancellationToken).ConfigureAwait(false);
                    if (entry is null || entry.Text != TextOf(i) || !entry.Tags.Contains("selftest")
                        || entry.Metadata is not { } m || !m.TryGetProperty("selftest", out var n) || n.GetInt32() != i)
                    {
                        return (false, entry is null ? $"{keys[i]} is missing" : $"{keys[i]} came back as '{entry.Text}'");
                    }
                }

                return (true, $"{keys.Length} entries read back");
            }).ConfigureAwait(false);

            await CheckAsync("a write expecting the current version succeeds", async () =>
            {
                var outcome = await StoreAsync(new MemoryWrite { Key = keys[0], Text = TextOf(0) + " Updated.", ExpectedVersion = 1 }, cancellationToken)
                    .ConfigureAwait(false);
                return (outcome.Entry.Version == 2, $"now at version {outcome.Entry.Version}");
            }).ConfigureAwait(false);

            await CheckAsync("a write expecting a stale version is refused", async () =>
            {
                try
                {
                    await StoreAsync(new MemoryWrite { Key = keys[0], Text = "must not be written", ExpectedVersion = 1 }, cancellationToken).ConfigureAwait(false);
                    return (false, "the stale write was accepted");
                }
                catch (MnemoConflictException e)
                {
                    var kept = await GetAsync(keys[0], cancellationToken).ConfigureAwait(false);
                    return (kept?.Version == 2, $"refused ({e.ErrorCode}); the entry stays at version {kept?.Version}");
                }
            }).ConfigureAwait(false);

            await CheckAsync("history holds both versions, oldest first", async () =>
            {
                var history = await GetHistoryAsync(keys[0], cancellationToken).ConfigureAwait(false);
                return (history.Count == 2, $"{history.Count} versions");
            }).ConfigureAwait(false);

            await CheckAsync("a listing of the namespace finds every entry", async () =>
            {
                var page = await ListAsync(scratch + "/", limit: 100, cancellationToken: cancellationToken).ConfigureAwait(false);
                return (page.Entries.Count == keys.Length, $"{page.Entries.Count} of {keys.Length} listed");
            }).ConfigureAwait(false);

            await CheckAsync("a full-text search finds the entry with a unique word first", async () =>
            {
                await StoreAsync(new MemoryWrite { Key = keys[1], Text = TextOf(1) + $" Only here: {word}unique." }, cancellationToken).ConfigureAwait(false);
                var hits = await SearchAsync(word + "unique", new SearchFilter { Prefix = scratch + "/", Mode = SearchMode.FullText, Limit = 3 }, cancellationToken)
                    .ConfigureAwait(false);
                return (hits.Count > 0 && hits[0].Entry.Key == keys[1], hits.Count == 0 ? "no hit" : $"first hit {hits[0].Entry.Key}");
            }).ConfigureAwait(false);

            await CheckAsync("a hybrid search finds an entry by its sentence", async () =>
            {
                var hits = await SearchAsync(s_selfTestTopics[2], new SearchFilter { Prefix = scratch + "/", Limit = 3 }, cancellationToken).ConfigureAwait(false);
                var rank = hits.Select(h => h.Entry.Key).ToList().IndexOf(keys[2]);
                return (rank >= 0, rank >= 0 ? $"rank {rank + 1} of {hits.Count}" : $"not in the top {hits.Count}");
            }).ConfigureAwait(false);

            await CheckAsync("forget erases the entries", async () =>
            {
                var forgotten = await ForgetAsync(scratch + "/*", purgeHistory: true, cancellationToken: cancellationToken).ConfigureAwait(false);
                var left = await ListAsync(scratch + "/", cancellationToken: cancellationToken).ConfigureAwait(false);
                return (left.Entries.Count == 0 && forgotten.Keys.Count == keys.Length, $"{forgotten.Keys.Count} forgotten, {left.Entries.Count} left");
            }).ConfigureAwait(false);
        }
        finally
        {
            await ForgetScratchAsync(scratch).ConfigureAwait(false);
        }

        return new OperationValidation(scratch, checks);
    }

    /// <summary>
    /// Measures this engine's own operations, one call at a time, on a new scratch namespace under
    /// <see cref="SelfTestNamespace"/>: for <paramref name="vectors"/> false, store, get, list and full-text search; for
    /// true, embedding a text and vector search. The scratch entries are forgotten with their history at the end.
    /// </summary>
    /// <param name="operations">Calls of each operation, 1 to 1,000.</param>
    /// <param name="vectors">Measure the embedder and the vector index instead of the store.</param>
    /// <param name="cancellationToken">Cancels the benchmark.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operations"/> is outside 1..1,000.</exception>
    public async Task<OperationBenchmark> BenchmarkOperationsAsync(int operations, bool vectors, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(operations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(operations, 1000);
        ThrowIfDisposed();
        var scratch = NewSelfTestNamespace();
        string TextOf(int i) => $"Benchmark entry {i}: {s_selfTestTopics[i % s_selfTestTopics.Length]}, variant w{i.ToString(CultureInfo.InvariantCulture)}x.";
        var timings = new List<OperationTiming>();

        async Task TimeAsync(string operation, Func<int, Task> call)
        {
            var latencies = new List<double>(operations);
            for (var i = 0; i < operations; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await call(i).ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            timings.Add(OperationTiming.Of(operation, latencies));
        }

        try
        {
            await TimeAsync("store", i => StoreAsync(new MemoryWrite { Key = $"{scratch}/e{i}", Text = TextOf(i) }, cancellationToken)).ConfigureAwait(false);
            if (vectors)
            {
                await TimeAsync("embed", i => EmbedQueryAsync($"query {i}: {s_selfTestTopics[i % s_selfTestTopics.Length]}", cancellationToken)).ConfigureAwait(false);
                await TimeAsync("search (vector)", i => SearchAsync(s_selfTestTopics[i % s_selfTestTopics.Length],
                    new SearchFilter { Prefix = scratch + "/", Mode = SearchMode.Vector, Limit = 10 }, cancellationToken)).ConfigureAwait(false);
            }
            else
            {
                await TimeAsync("get", i => GetAsync($"{scratch}/e{i}", cancellationToken).AsTask()).ConfigureAwait(false);
                await TimeAsync("list (100)", _ => ListAsync(scratch + "/", limit: 100, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await TimeAsync("search (full text)", i => SearchAsync($"w{i.ToString(CultureInfo.InvariantCulture)}x",
                    new SearchFilter { Prefix = scratch + "/", Mode = SearchMode.FullText, Limit = 10 }, cancellationToken)).ConfigureAwait(false);
            }

            return new OperationBenchmark(vectors ? "vector" : "memory", scratch,
                await GetEmbeddingModelAsync(cancellationToken).ConfigureAwait(false), timings);
        }
        finally
        {
            await ForgetScratchAsync(scratch).ConfigureAwait(false);
        }
    }

    private string NewSelfTestNamespace() =>
        $"{SelfTestNamespace}/{Now().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray(), 0, 4)}";

    // Not cancellable: a cancelled self-test still removes what it wrote.
    private async Task ForgetScratchAsync(string scratch)
    {
        if ((await ListAsync(scratch + "/", limit: 1, cancellationToken: CancellationToken.None).ConfigureAwait(false)).Entries.Count > 0)
        {
            await ForgetAsync(scratch + "/*", purgeHistory: true, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
    }
}
