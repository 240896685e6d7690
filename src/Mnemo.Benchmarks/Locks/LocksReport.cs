using System.Globalization;
using System.Text.Json;
using Mnemo.Benchmarks.Reporting;

namespace Mnemo.Benchmarks.Locks;

/// <summary>
/// Everything <c>mnemo bench locks</c> measures in one run: lock contention between worker processes, then, in-process,
/// the cost of access rules on puts.
/// </summary>
/// <param name="Locks">The contention figures and the lost-update check.</param>
/// <param name="Access">The access-rule overhead; null when it was skipped.</param>
internal sealed record LocksReport(LockBenchmarkResult Locks, AccessOverheadResult? Access)
{
    /// <summary>Runs the workers (processes of the running mnemo), then <paramref name="aclPuts"/> puts with and without rules.</summary>
    /// <param name="options">The contention settings; its directory must exist.</param>
    /// <param name="mnemo">How to start the running mnemo as a worker.</param>
    /// <param name="aclPuts">Puts measured with and without access rules; 0 skips that part.</param>
    /// <param name="progress">Progress for people.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="LockBenchmarkException">A worker could not start or failed.</exception>
    public static async Task<LocksReport> RunAsync(
        LockBenchmarkOptions options, MnemoCommandLine mnemo, int aclPuts, IBenchmarkProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var locks = await new LockBenchmark(options, mnemo).RunAsync(progress.Line, cancellationToken).ConfigureAwait(false);
        AccessOverheadResult? access = null;
        if (aclPuts > 0)
        {
            progress.Line($"access rules: {aclPuts} puts with and without rules...");
            access = await AccessOverheadBenchmark.RunAsync(options.Directory, aclPuts, cancellationToken).ConfigureAwait(false);
        }

        progress.End();
        return new LocksReport(locks, access);
    }

    /// <summary>Writes the report as one JSON object.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        Locks.WriteFields(writer);
        if (Access is not null)
        {
            writer.WriteStartObject("acl_overhead");
            Access.WriteFields(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a short summary for people.</summary>
    public async Task WriteSummaryAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var acquire = Locks.AcquireLatency;
        var release = Locks.ReleaseLatency;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{Locks.Acquires} acquires by {Locks.Options.Agents} processes in {Locks.Seconds:0.00}s: {Locks.AcquiresPerSecond:0.0} acquires/s")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"acquire p50 {acquire.P50:0.000} ms, p95 {acquire.P95:0.000} ms, p99 {acquire.P99:0.000} ms; release p50 {release.P50:0.000} ms, p95 {release.P95:0.000} ms"))
            .ConfigureAwait(false);
        await output.WriteLineAsync(Locks.MutualExclusionHeld
            ? $"counter {Locks.FinalCounter} = acquires: no update lost"
            : $"counter {Locks.FinalCounter} != acquires {Locks.Acquires}: updates were lost").ConfigureAwait(false);
        if (Access is not null)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"puts with {Access.Rules} access rules: p50 {Access.Ruled.P50:0.000} ms against {Access.Open.P50:0.000} ms with none ({Access.MedianRatio:0.00}x)"))
                .ConfigureAwait(false);
        }
    }
}
