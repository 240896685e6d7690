using System.CommandLine;
using System.Globalization;
using Mnemo.Cli.Benchmarks.Locks;
using Mnemo.Cli.Benchmarks.Mcp;
using Mnemo.Cli.Output;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo bench locks</c>: worker processes contend for one exclusive lock on one database, each incrementing a
/// shared counter under it; reports acquire and release latency, acquires per second, and whether any increment was lost.
/// </summary>
/// <remarks>
/// The workers are this same executable in a hidden mode (<c>bench locks --worker</c>), on a fresh scratch database;
/// <c>--db</c> is used only by the workers, so the benchmark never touches the user's memory.
/// </remarks>
internal static class BenchLocksCommand
{
    private const double DefaultSeconds = 5;

    public static Command Create()
    {
        var agents = new Option<int>("--agents") { Description = "Worker processes contending for the lock", DefaultValueFactory = _ => 8 };
        var seconds = new Option<double?>("--seconds")
        {
            Description = $"Run each worker this long (default {DefaultSeconds:0} when --iterations is not given)",
        };
        var iterations = new Option<int?>("--iterations") { Description = "Run this many lock cycles per worker instead of a fixed time" };
        var lease = LockCommand.LeaseOption();
        var directory = new Option<string?>("--dir") { Description = "Directory for the scratch database (default: a new temporary one, deleted after)" };
        var aclPuts = new Option<int>("--acl-puts")
        {
            Description = "Puts measured with and without access rules for the ACL overhead (0 skips it)",
            DefaultValueFactory = _ => 5000,
        };
        var worker = new Option<bool>("--worker")
        {
            Description = "Run as one worker process on --db (started by the benchmark itself)",
            Hidden = true,
        };
        var command = new Command("locks",
            "Benchmark lock contention: worker processes increment one counter under one exclusive lock; latency, throughput and a lost-update check")
        {
            agents, seconds, iterations, lease, directory, aclPuts, worker,
        };
        command.SetBody(async context =>
        {
            var options = new LockBenchmarkOptions(
                Positive("--agents", context.Value(agents)),
                context.Value(iterations) is { } count ? Positive("--iterations", count) : null,
                context.Value(iterations) is null ? Duration(context.Value(seconds) ?? DefaultSeconds) : null,
                CliParsing.Duration("--lease", context.Value(lease))!.Value,
                context.Value(directory) ?? Path.Combine(Path.GetTempPath(), $"mnemo-bench-{Guid.NewGuid():N}"));
            if (context.Value(iterations) is not null && context.Value(seconds) is not null)
            {
                throw new ArgumentException("--seconds and --iterations contradict each other: give one of them");
            }

            if (context.Value(worker))
            {
                return await RunWorkerAsync(context, options).ConfigureAwait(false);
            }

            var ownDirectory = context.Value(directory) is null;
            Directory.CreateDirectory(options.Directory);
            var progress = new ProgressLine(context.Error);
            try
            {
                var result = await new LockBenchmark(options).RunAsync(progress.Line, context.CancellationToken).ConfigureAwait(false);
                AccessOverheadResult? access = null;
                if (context.Value(aclPuts) is > 0 and var puts)
                {
                    progress.Line($"access rules: {puts} puts with and without rules...");
                    access = await AccessOverheadBenchmark.RunAsync(options.Directory, puts, context.CancellationToken).ConfigureAwait(false);
                }

                progress.End();
                if (context.Json)
                {
                    context.WriteJson(writer =>
                    {
                        writer.WriteStartObject();
                        result.WriteFields(writer);
                        if (access is not null)
                        {
                            writer.WriteStartObject("acl_overhead");
                            access.WriteFields(writer);
                            writer.WriteEndObject();
                        }

                        writer.WriteEndObject();
                    });
                }
                else
                {
                    await WriteSummaryAsync(context.Output, result).ConfigureAwait(false);
                    if (access is not null)
                    {
                        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"puts with {access.Rules} access rules: p50 {access.Ruled.P50:0.000} ms against {access.Open.P50:0.000} ms with none ({access.MedianRatio:0.00}x)"))
                            .ConfigureAwait(false);
                    }
                }

                if (!result.MutualExclusionHeld)
                {
                    await context.Error.WriteLineAsync(
                        $"mnemo: bench locks: the counter is {result.FinalCounter} after {result.Acquires} acquires: mutual exclusion failed; please report it")
                        .ConfigureAwait(false);
                    return ExitCodes.SystemError;
                }
            }
            catch (Exception e) when (e is LockBenchmarkException or McpBenchmarkException)
            {
                progress.End();
                await context.Error.WriteLineAsync($"mnemo: bench locks: {e.Message}").ConfigureAwait(false);
                return ExitCodes.SystemError;
            }
            finally
            {
                if (ownDirectory)
                {
                    Directory.Delete(options.Directory, recursive: true);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> RunWorkerAsync(CommandContext context, LockBenchmarkOptions options)
    {
        var engine = await context.OpenEngineAsync().ConfigureAwait(false);
        await using (engine.ConfigureAwait(false))
        {
            var report = await LockWorker.RunAsync(engine, options, Console.In, context.Output, context.CancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync(report.ToJsonLine()).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private static async Task WriteSummaryAsync(TextWriter output, LockBenchmarkResult result)
    {
        var acquire = result.AcquireLatency;
        var release = result.ReleaseLatency;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{result.Acquires} acquires by {result.Options.Agents} processes in {result.Seconds:0.00}s: {result.AcquiresPerSecond:0.0} acquires/s")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"acquire p50 {acquire.P50:0.000} ms, p95 {acquire.P95:0.000} ms, p99 {acquire.P99:0.000} ms; release p50 {release.P50:0.000} ms, p95 {release.P95:0.000} ms"))
            .ConfigureAwait(false);
        await output.WriteLineAsync(result.MutualExclusionHeld
            ? $"counter {result.FinalCounter} = acquires: no update lost"
            : $"counter {result.FinalCounter} != acquires {result.Acquires}: updates were lost").ConfigureAwait(false);
    }

    private static TimeSpan Duration(double seconds) =>
        seconds > 0 && double.IsFinite(seconds) ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException($"--seconds {seconds} is not positive");

    private static int Positive(string option, int value) =>
        value > 0 ? value : throw new ArgumentException($"{option} {value} is not positive");
}
