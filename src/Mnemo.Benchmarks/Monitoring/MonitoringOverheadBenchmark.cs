using System.Diagnostics;
using Mnemo.Core;

namespace Mnemo.Benchmarks.Monitoring;

/// <summary>Settings of <c>mnemo bench monitoring-overhead</c>.</summary>
/// <param name="Puts">Single puts per round.</param>
/// <param name="Rounds">Rounds of each kind (with and without sampling).</param>
/// <param name="Interval">Time between samples in a sampled round.</param>
/// <param name="ValueSize">Characters of text per entry.</param>
/// <param name="Seed">Seed of keys and texts.</param>
/// <param name="Directory">An existing directory for the scratch database.</param>
internal sealed record MonitoringOverheadOptions(int Puts, int Rounds, TimeSpan Interval, int ValueSize, int Seed, string Directory);

/// <summary>
/// The cost of metrics sampling under a put-heavy workload: the same single puts, in rounds with and without
/// <see cref="MnemoEngine.SampleAsync"/> every interval, on one store in one run (the machines are shared and noisy,
/// so only same-run comparisons mean anything).
/// </summary>
/// <remarks>
/// Rounds alternate in ABBA order (without, with, with, without, ...) so that the store's growth over the run weighs on
/// both kinds alike. A sampled round samples at its start and then whenever the interval has passed, inline on the
/// writing task: the worst case for the workload, since nothing overlaps. Two figures come out: the throughput ratio
/// (noisy: it moves with everything else on the machine) and the share of the sampled rounds' time spent in sampling,
/// timed directly (the steadier one).
/// </remarks>
internal static class MonitoringOverheadBenchmark
{
    public static async Task<MonitoringOverheadResult> RunAsync(MonitoringOverheadOptions options, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var engine = await MnemoEngine.OpenAsync(new MnemoOptions().UseSqlite(Path.Combine(options.Directory, "overhead.db"))).ConfigureAwait(false);
        await using (engine.ConfigureAwait(false))
        {
            // Unmeasured warm-up: the JIT's optimised code and SQLite's caches, for both kinds of round.
            await RoundAsync(engine, options with { Puts = Math.Min(options.Puts, 2000) }, random, "warm", sample: true, log: null).ConfigureAwait(false);

            var without = new List<Round>();
            var with = new List<Round>();
            for (var i = 0; i < 2 * options.Rounds; i++)
            {
                var sampled = i % 4 is 1 or 2;
                var round = await RoundAsync(engine, options, random, $"r{i}", sampled, log).ConfigureAwait(false);
                (sampled ? with : without).Add(round);
            }

            return new MonitoringOverheadResult(options, without, with);
        }
    }

    private static async Task<Round> RoundAsync(
        MnemoEngine engine, MonitoringOverheadOptions options, Random random, string name, bool sample, Action<string>? log)
    {
        var text = new string('x', options.ValueSize);
        var samples = 0;
        long samplingTicks = 0;
        var intervalTicks = (long)(options.Interval.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var nextSample = started;
        for (var i = 0; i < options.Puts; i++)
        {
            if (sample && Stopwatch.GetTimestamp() >= nextSample)
            {
                var before = Stopwatch.GetTimestamp();
                await engine.SampleAsync().ConfigureAwait(false);
                var after = Stopwatch.GetTimestamp();
                samplingTicks += after - before;
                samples++;
                nextSample = after + intervalTicks;
            }

            var key = $"bench/{name}/k{random.Next(options.Puts):D8}";
            await engine.StoreAsync(new MemoryWrite { Key = key, Text = text }).ConfigureAwait(false);
        }

        var seconds = (double)(Stopwatch.GetTimestamp() - started) / Stopwatch.Frequency;
        var round = new Round(options.Puts, seconds, samples, (double)samplingTicks / Stopwatch.Frequency);
        log?.Invoke($"{name,-4} {(sample ? "sampled" : "plain"),-8} {round.PutsPerSecond,10:N0} puts/s  {samples} samples  {round.SamplingSeconds * 1000:N1} ms sampling");
        return round;
    }
}

/// <summary>One round: puts done, its wall time, and the samples taken in it with their time.</summary>
internal sealed record Round(int Puts, double Seconds, int Samples, double SamplingSeconds)
{
    public double PutsPerSecond => Puts / Math.Max(1e-9, Seconds);
}
