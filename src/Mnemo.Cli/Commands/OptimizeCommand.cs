using System.CommandLine;
using Mnemo.Cli.Output;
using Mnemo.Core.Monitoring.Optimization;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo optimize</c>: runs optimisation strategies that act on the store and this process, each reporting the bytes it
/// concerns measured before and after and the time it took; <c>--swarm</c> asks every long-running process to act too.
/// </summary>
internal static class OptimizeCommand
{
    public static Command Create()
    {
        var strategy = new Option<string[]>("--strategy")
        {
            Description = $"A strategy to run (repeatable): {string.Join(", ", OptimizationStrategy.All)}; default {string.Join(", ", OptimizationStrategy.Default)}",
        };
        var coldDays = new Option<int?>("--cold-days")
        {
            Description = $"For {OptimizationStrategy.ArchiveCold}: entries unread and unwritten for this many days are archived (default 90)",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only measure and say what each strategy would do" };
        var swarm = new Option<bool>("--swarm")
        {
            Description = $"Also ask the long-running processes using the store (mnemo mcp, the daemon, library hosts) to run {string.Join(" and ", OptimizationStrategy.ProcessLocal)} on themselves, and show their reports",
        };
        var timeout = new Option<string?>("--timeout") { Description = "How long --swarm waits for other processes' reports, e.g. 5s (default 5s)" };
        var expect = new Option<int?>("--expect") { Description = "With --swarm, stop waiting once this many processes reported" };
        var command = new Command(
            "optimize",
            "Free memory and disk space: purge expired entries, archive cold ones, compact or quantize the index, vacuum, checkpoint, evict caches, compact the heap")
        {
            strategy, coldDays, dryRun, swarm, timeout, expect,
        };
        command.SetBody(async context =>
        {
            var request = new OptimizationRequest
            {
                Strategies = context.Value(strategy) ?? [],
                DryRun = context.Value(dryRun),
                Swarm = context.Value(swarm),
                SwarmTimeout = CliParsing.Duration("--timeout", context.Value(timeout)) ?? TimeSpan.FromSeconds(5),
                ExpectedPeers = context.Value(expect),
                ColdAfter = TimeSpan.FromDays(context.Value(coldDays) ?? 90),
            };

            // Checked before the engine opens, so that a misspelt strategy costs nothing.
            OptimizationStrategy.Resolve(request.Strategies);
            if (context.Value(coldDays) is < 1)
            {
                throw new FormatException($"--cold-days {context.Value(coldDays)} is not positive: give how many days unread entries stay warm, e.g. --cold-days 90");
            }

            if (request.ExpectedPeers is < 1)
            {
                throw new FormatException($"--expect {request.ExpectedPeers} is not positive: give how many processes' reports to wait for");
            }

            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var report = await engine.OptimizeAsync(request, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => OptimizationReportJson.Write(writer, report));
                    return ExitCodes.Ok;
                }

                await WriteAsync(context.Output, report, request.Swarm).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteAsync(TextWriter output, OptimizationReport report, bool swarm)
    {
        await output.WriteLineAsync($"{(report.DryRun ? "dry run" : "optimized")} in process {report.ProcessId} on {report.Host} "
            + $"({report.Elapsed.TotalSeconds:0.000} s)").ConfigureAwait(false);
        await WriteResultsAsync(output, report.Results).ConfigureAwait(false);
        if (!report.DryRun)
        {
            await output.WriteLineAsync($"freed {HumanText.Bytes(report.FreedBytes)} in all (each line says what its bytes are of)").ConfigureAwait(false);
        }

        if (!swarm)
        {
            return;
        }

        await output.WriteLineAsync($"swarm: {report.Peers.Count} other {(report.Peers.Count == 1 ? "process" : "processes")} reported "
            + $"within {report.PeersWaited.TotalSeconds:0.0} s").ConfigureAwait(false);
        foreach (var peer in report.Peers)
        {
            await output.WriteLineAsync($"process {peer.ProcessId} on {peer.Host} ({peer.Elapsed.TotalSeconds:0.000} s)").ConfigureAwait(false);
            await WriteResultsAsync(output, peer.Results).ConfigureAwait(false);
        }
    }

    private static async Task WriteResultsAsync(TextWriter output, IReadOnlyList<OptimizationResult> results)
    {
        var width = results.Select(result => result.Strategy.Length).DefaultIfEmpty(0).Max();
        foreach (var result in results)
        {
            var bytes = result.Outcome switch
            {
                OptimizationOutcome.Acted => $"{HumanText.Bytes(result.BytesBefore)} -> {HumanText.Bytes(result.BytesAfter ?? 0)} "
                    + $"(freed {HumanText.Bytes(result.FreedBytes ?? 0)})",
                OptimizationOutcome.DryRun => $"{HumanText.Bytes(result.BytesBefore)} now",
                _ => "skipped",
            };
            await output.WriteLineAsync($"  {result.Strategy.PadRight(width)}  {bytes} of {result.Measured}, {result.Elapsed.TotalMilliseconds:0} ms")
                .ConfigureAwait(false);
            await output.WriteLineAsync($"  {"".PadRight(width)}  {result.Summary}").ConfigureAwait(false);
            var figures = result.Figures.Where(figure => figure.Name != "gc_index").ToList();
            if (figures.Count > 0)
            {
                await output.WriteLineAsync($"  {"".PadRight(width)}  " + string.Join("; ", figures.Select(figure =>
                    $"{figure.Name.Replace('_', ' ')} {figure.Before}{(figure.After is { } after ? $" -> {after}" : "")}"))).ConfigureAwait(false);
            }

            if (result.Ratios.Count > 0)
            {
                await output.WriteLineAsync($"  {"".PadRight(width)}  " + string.Join("; ", result.Ratios.Select(ratio =>
                    FormattableString.Invariant($"{ratio.Name.Replace('_', ' ')} {ratio.Value:0.000}")))).ConfigureAwait(false);
            }
        }
    }
}
