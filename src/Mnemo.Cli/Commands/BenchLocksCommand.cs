using System.CommandLine;
using Mnemo.Benchmarks;
using Mnemo.Benchmarks.Locks;
using Mnemo.Benchmarks.Mcp;
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
        command.SetBenchBody(async context =>
        {
            var options = new LockBenchmarkOptions(
                Positive("--agents", context.Value(agents)),
                context.Value(iterations) is { } count ? Positive("--iterations", count) : null,
                context.Value(iterations) is null ? Duration(context.Value(seconds) ?? DefaultSeconds) : null,
                CliParsing.Duration("--lease", context.Value(lease))!.Value,
                Directory: ""); // set to the scratch directory below; a worker needs none
            if (context.Value(iterations) is not null && context.Value(seconds) is not null)
            {
                throw new ArgumentException("--seconds and --iterations contradict each other: give one of them");
            }

            if (context.Value(worker))
            {
                return await RunWorkerAsync(context, options).ConfigureAwait(false);
            }

            using var scratch = ScratchDirectory.Create(context.Value(directory), "mnemo-bench");
            var progress = new ProgressLine(context.Error);
            try
            {
                var report = await LocksReport.RunAsync(options with { Directory = scratch.Path }, MnemoCommandLine.Of(typeof(MnemoCli).Assembly),
                    context.Value(aclPuts), progress, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(report.WriteJson);
                }
                else
                {
                    await report.WriteSummaryAsync(context.Output).ConfigureAwait(false);
                }

                if (!report.Locks.MutualExclusionHeld)
                {
                    await context.Error.WriteLineAsync(
                        $"mnemo: bench locks: the counter is {report.Locks.FinalCounter} after {report.Locks.Acquires} acquires: mutual exclusion failed; please report it")
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

    private static TimeSpan Duration(double seconds) =>
        seconds > 0 && double.IsFinite(seconds) ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException($"--seconds {seconds} is not positive");

    private static int Positive(string option, int value) =>
        value > 0 ? value : throw new ArgumentException($"{option} {value} is not positive");
}
