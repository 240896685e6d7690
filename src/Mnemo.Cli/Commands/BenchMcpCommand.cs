using System.CommandLine;
using System.Globalization;
using Mnemo.Benchmarks;
using Mnemo.Benchmarks.Mcp;
using Mnemo.Cli.Output;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo bench mcp</c>: median and p95 latency of every knowledge-graph tool over the stdio transport, for Mnemo's
/// MCP server beside the reference MCP memory server (<c>@modelcontextprotocol/server-memory</c>) on the same workload,
/// at several graph sizes, in one run.
/// </summary>
/// <remarks>
/// Both servers run as child processes on fresh temporary stores, removed afterwards; <c>--db</c> is not used, so a
/// benchmark cannot fill the user's memory with synthetic entities.
/// </remarks>
internal static class BenchMcpCommand
{
    public static Command Create()
    {
        var sizes = new Option<string>("--sizes") { Description = "Entity counts to load and time at, comma-separated", DefaultValueFactory = _ => "100,1000,5000" };
        var calls = new Option<int>("--calls")
        {
            Description = $"Timed calls per tool and size (after {McpBenchmark.WarmUpCalls} warm-up calls)",
            DefaultValueFactory = _ => 200,
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the workload", DefaultValueFactory = _ => 42 };
        var reference = new Option<string?>("--reference")
        {
            Description = $"The reference server's dist/index.js (default: {ReferenceServer.Package} in node_modules here or above, npm's global root " +
                $"or npx's cache, else {ReferenceServer.PinnedVersion} installed with npm into a temporary directory)",
        };
        var noReference = new Option<bool>("--no-reference") { Description = "Benchmark Mnemo alone, without the reference server (no Node.js needed)" };
        var command = new Command("mcp",
            "Benchmark MCP tool latency over stdio: p50/p95 of each knowledge-graph tool for Mnemo's server and the reference memory server, per graph size")
        {
            sizes, calls, seed, reference, noReference,
        };
        command.SetBenchBody(async context =>
        {
            var options = new McpBenchmarkOptions(Sizes(context.Value(sizes)), Positive("--calls", context.Value(calls)), context.Value(seed));
            var skipReference = context.Value(noReference);
            if (skipReference && context.Value(reference) is not null)
            {
                throw new ArgumentException("--reference and --no-reference contradict each other: give one of them");
            }

            var progress = new ProgressLine(context.Error);
            try
            {
                var result = await McpBenchmark.RunAsync(options, MnemoCommandLine.Of(typeof(MnemoCli).Assembly), !skipReference, context.Value(reference),
                    progress, context.Error, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(result.WriteJson);
                }
                else
                {
                    await result.WriteTableAsync(context.Output).ConfigureAwait(false);
                }
            }
            catch (McpBenchmarkException e)
            {
                progress.End();
                await context.Error.WriteLineAsync($"mnemo: bench mcp: {e.Message}").ConfigureAwait(false);
                return ExitCodes.SystemError;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static int[] Sizes(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var sizes = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < McpWorkload.MinimumSize || size > 1_000_000)
            {
                throw new ArgumentException(
                    $"--sizes '{text}': '{part}' is not an entity count from {McpWorkload.MinimumSize} to 1000000; give e.g. --sizes 100,1000,5000");
            }

            sizes.Add(size);
        }

        return sizes.Count > 0
            ? [.. sizes.Distinct().Order()]
            : throw new ArgumentException("--sizes is empty: give entity counts such as --sizes 100,1000,5000");
    }

    private static int Positive(string option, int value) =>
        value > 0 ? value : throw new ArgumentException($"{option} {value} is not positive");
}
