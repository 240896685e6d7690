using System.Diagnostics;

namespace Mnemo.Benchmarks.Kv;

/// <summary>Settings of <c>mnemo bench kv</c>.</summary>
internal sealed record KvBenchmarkOptions(int Count, int ValueSize, string Pattern, double ReadRatio, int BatchSize, int Seed, string Directory);

/// <summary>
/// Runs the same key-value workload through Mnemo and through SQLite used directly, phase by phase and side by side
/// in one run (the machines are shared and noisy, so only same-run ratios mean anything).
/// </summary>
internal sealed class KvBenchmark
{
    private const int HotKeys = 1000;
    private const int MaxSinglePuts = 1000;
    private const int WarmUpCount = 3000;
    private static readonly TimeSpan s_warmUpTime = TimeSpan.FromSeconds(2);

    private readonly KvBenchmarkOptions _options;
    private readonly string[] _keys;
    private readonly string[] _values;
    private readonly Random _random;

    private KvBenchmark(KvBenchmarkOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
        _keys = Enumerable.Range(0, options.Count).Select(i => $"bench/kv/key-{i:D8}").ToArray();
        _values = Enumerable.Range(0, options.Count).Select(_ => RandomText(options.ValueSize)).ToArray();
    }

    /// <summary>Runs the benchmark in <see cref="KvBenchmarkOptions.Directory"/>, which must exist, after unmeasured warm-up rounds.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="log">Receives each phase's figures as it ends.</param>
    public static async Task<KvBenchmarkResult> RunAsync(KvBenchmarkOptions options, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Unmeasured rounds first, for at least two seconds, so that both sides are measured in steady state: the
        // JIT replaces quickly compiled code with optimised code only after a method has run for a while.
        var warmUpClock = Stopwatch.StartNew();
        for (var round = 0; warmUpClock.Elapsed < s_warmUpTime; round++)
        {
            var warmUp = options with
            {
                Count = Math.Min(options.Count, WarmUpCount),
                Directory = Path.Combine(options.Directory, $"warm-up-{round}"),
            };
            Directory.CreateDirectory(warmUp.Directory);
            await new KvBenchmark(warmUp).RunPhasesAsync(_ => { }).ConfigureAwait(false);
        }

        return new KvBenchmarkResult(options, await new KvBenchmark(options).RunPhasesAsync(log).ConfigureAwait(false));
    }

    private async Task<Dictionary<string, (PhaseResult Mnemo, PhaseResult Sqlite)>> RunPhasesAsync(Action<string> log)
    {
        var targets = new IKvTarget[]
        {
            RawSqliteKvTarget.Open(Path.Combine(_options.Directory, "raw.db")),
            await MnemoKvTarget.OpenAsync(Path.Combine(_options.Directory, "mnemo.db")).ConfigureAwait(false),
        };
        var results = new Dictionary<string, (PhaseResult, PhaseResult)>();
        try
        {
            var putOrder = _options.Pattern == "sequential" ? Enumerable.Range(0, _keys.Length).ToArray() : Shuffled(_keys.Length);
            var getOrder = _options.Pattern == "sequential" ? putOrder : Shuffled(_keys.Length);
            var singles = Enumerable.Range(0, Math.Min(MaxSinglePuts, _keys.Length)).Select(_ => _random.Next(_keys.Length)).ToArray();
            var hotSet = Math.Min(HotKeys, _keys.Length);
            var hot = Enumerable.Range(0, _keys.Length).Select(_ => _random.Next(hotSet)).ToArray();
            var mixed = Enumerable.Range(0, _keys.Length).Select(_ => (Index: _random.Next(_keys.Length), Read: _random.NextDouble() < _options.ReadRatio)).ToArray();

            results["put_batched"] = await PhaseAsync(targets, "put_batched", log, target => PutBatchedAsync(target, putOrder)).ConfigureAwait(false);
            results["put_single"] = await PhaseAsync(targets, "put_single", log, target => PutSingleAsync(target, singles)).ConfigureAwait(false);
            results["get_hot"] = await PhaseAsync(targets, "get_hot", log, target => GetAsync(target, hot)).ConfigureAwait(false);
            results["get_all"] = await PhaseAsync(targets, "get_all", log, target => GetAsync(target, getOrder)).ConfigureAwait(false);
            if (_options.Pattern == "mixed")
            {
                results["mixed"] = await PhaseAsync(targets, "mixed", log, target => MixedAsync(target, mixed)).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var target in targets)
            {
                await target.DisposeAsync().ConfigureAwait(false);
            }
        }

        return results;
    }

    private static async Task<(PhaseResult Mnemo, PhaseResult Sqlite)> PhaseAsync(
        IKvTarget[] targets, string phase, Action<string> log, Func<IKvTarget, Task<PhaseResult>> run)
    {
        PhaseResult? mnemo = null, sqlite = null;
        foreach (var target in targets)
        {
            var result = await run(target).ConfigureAwait(false);
            log($"{phase,-12} {target.Name,-7} {result.OperationsPerSecond,12:N0} ops/s  p50 {result.P50Micros,8:N1} us  p99 {result.P99Micros,8:N1} us");
            if (target.Name == "mnemo")
            {
                mnemo = result;
            }
            else
            {
                sqlite = result;
            }
        }

        return (mnemo!, sqlite!);
    }

    private async Task<PhaseResult> PutBatchedAsync(IKvTarget target, int[] order)
    {
        var recorder = new LatencyRecorder(order.Length / _options.BatchSize + 1) { OperationsPerSample = _options.BatchSize };
        var batch = new List<(string, string)>(_options.BatchSize);
        for (var start = 0; start + _options.BatchSize <= order.Length; start += _options.BatchSize)
        {
            batch.Clear();
            for (var i = start; i < start + _options.BatchSize; i++)
            {
                batch.Add((_keys[order[i]], _values[order[i]]));
            }

            var began = Stopwatch.GetTimestamp();
            await target.PutBatchAsync(batch).ConfigureAwait(false);
            recorder.Add(began);
        }

        await target.CompleteWritesAsync().ConfigureAwait(false);
        return recorder.Finish();
    }

    private async Task<PhaseResult> PutSingleAsync(IKvTarget target, int[] indexes)
    {
        var recorder = new LatencyRecorder(indexes.Length);
        foreach (var index in indexes)
        {
            var began = Stopwatch.GetTimestamp();
            await target.PutBatchAsync([(_keys[index], _values[(index + 1) % _values.Length])]).ConfigureAwait(false);
            recorder.Add(began);
        }

        await target.CompleteWritesAsync().ConfigureAwait(false);
        return recorder.Finish();
    }

    private async Task<PhaseResult> GetAsync(IKvTarget target, int[] indexes)
    {
        var recorder = new LatencyRecorder(indexes.Length);
        foreach (var index in indexes)
        {
            var began = Stopwatch.GetTimestamp();
            var value = await target.GetAsync(_keys[index]).ConfigureAwait(false);
            recorder.Add(began);
            if (value is null)
            {
                throw new InvalidOperationException($"{target.Name} lost key {_keys[index]}: the benchmark's reads must find every key written");
            }
        }

        return recorder.Finish();
    }

    private async Task<PhaseResult> MixedAsync(IKvTarget target, (int Index, bool Read)[] operations)
    {
        var recorder = new LatencyRecorder(operations.Length);
        foreach (var (index, read) in operations)
        {
            var began = Stopwatch.GetTimestamp();
            if (read)
            {
                await target.GetAsync(_keys[index]).ConfigureAwait(false);
            }
            else
            {
                await target.PutBatchAsync([(_keys[index], _values[(index + 7) % _values.Length])]).ConfigureAwait(false);
            }

            recorder.Add(began);
        }

        await target.CompleteWritesAsync().ConfigureAwait(false);
        return recorder.Finish();
    }

    private int[] Shuffled(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        _random.Shuffle(order);
        return order;
    }

    private string RandomText(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789";
        return string.Create(length, _random, (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[random.Next(alphabet.Length)];
            }
        });
    }
}
