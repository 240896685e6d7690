using Mnemo.Core;
using Mnemo.Core.Monitoring;
using Mnemo.Core.Monitoring.Analysis;
using Mnemo.Core.Monitoring.Optimization;
using Mnemo.Core.Monitoring.SelfTest;
using Mnemo.Mcp.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp.Tools;

/// <summary>
/// The tools of a memory that watches itself (issue 17): each measures, checks or changes real state through the engine;
/// none reports a figure it did not measure.
/// </summary>
internal static class MonitoringTools
{
    private const int MaxBenchmarkOperations = 1000;

    // The strategies that act on the vector index, for optimize_vector_operations.
    private static readonly string[] s_vectorStrategies = [OptimizationStrategy.CompactIndex, OptimizationStrategy.QuantizeIndex];

    /// <summary>The tools, acting as <paramref name="engine"/>'s caller.</summary>
    public static IEnumerable<McpServerTool> Create(MnemoEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        yield return new MnemoTool("get_system_info",
            "What this Mnemo server runs on and with, measured now: Mnemo's version, the .NET runtime, the OS, processors, the GC " +
            "mode, the process's memory (GC heap by generation, working set, allocation rate) and the machine's, and the store " +
            "(location, backend, schema, files, entries, embedding model).",
            Schema.Object(),
            MnemoTool.ReadOnly(),
            async (_, ct) =>
            {
                var info = await engine.GetSystemInfoAsync(ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => SystemInfoJson.Write(writer, info)));
            });

        yield return new MnemoTool("analyze_performance_bottlenecks",
            "Measure health (a pressure score from 0 to 100 from the machine's and the processes' memory, the vector index's size, " +
            "the store's growth and quota use, each against its threshold; leak verdicts from a trend test over the metrics history; " +
            "a next-hour forecast) and run the doctor's rules on the memory's content and structure, then list what to do about " +
            "each finding, the urgent first, with the optimize strategies that act on it. Reads only.",
            Schema.Object(),
            MnemoTool.ReadOnly(),
            async (_, ct) =>
            {
                var analysis = await engine.AnalyzeAsync(ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => PerformanceAnalysisJson.Write(writer, analysis)));
            });

        yield return new MnemoTool("optimize_memory_usage",
            "Run optimisation strategies that act and report the bytes before and after each, measured, and the time taken: " +
            $"{string.Join(", ", OptimizationStrategy.All)} (default: {string.Join(", ", OptimizationStrategy.Default)}). " +
            "With swarm, the long-running Mnemo processes on the store also free their caches and heap and report back.",
            Schema.Object(
                ("strategies", Schema.Strings($"The strategies to run, of {string.Join(", ", OptimizationStrategy.All)}")),
                ("dry_run", Schema.Boolean("Measure and say what each would do without acting")),
                ("swarm", Schema.Boolean("Ask the other long-running processes on the store to run the process strategies too")),
                ("timeout_seconds", Schema.Integer("How long to wait for the swarm's reports (default 5)", 1, 300))),
            MnemoTool.Writes(destructive: true),
            async (args, ct) => await OptimizeAsync(engine, args.OptionalStrings("strategies") ?? [], args, ct).ConfigureAwait(false));

        yield return new MnemoTool("optimize_vector_operations",
            $"Optimise the vector index and report its bytes before and after, measured: {OptimizationStrategy.CompactIndex} drops " +
            $"deleted vectors (default), {OptimizationStrategy.QuantizeIndex} stores vectors as int8.",
            Schema.Object(
                ("strategies", Schema.Strings($"The strategies to run, of {string.Join(", ", s_vectorStrategies)}")),
                ("dry_run", Schema.Boolean("Measure and say what each would do without acting"))),
            MnemoTool.Writes(destructive: true),
            async (args, ct) =>
            {
                var strategies = args.OptionalStrings("strategies") ?? [OptimizationStrategy.CompactIndex];
                if (strategies.FirstOrDefault(s => !s_vectorStrategies.Contains(s, StringComparer.Ordinal)) is { } other)
                {
                    throw new ToolArgumentException($"'{other}' is not a vector strategy: use {string.Join(" or ", s_vectorStrategies)}, or optimize_memory_usage for the others");
                }

                return await OptimizeAsync(engine, strategies, args, ct).ConfigureAwait(false);
            });

        yield return new MnemoTool("validate_memory_operations",
            $"Run real operations on a new scratch namespace under {MnemoEngine.SelfTestNamespace}/ and check each result: store, " +
            "get, a write with the expected version and one with a stale version, history, listing, full-text and hybrid search, " +
            "forget. Returns each check with what was observed and how long it took; the scratch entries are forgotten at the end.",
            Schema.Object(),
            MnemoTool.Writes(destructive: false, idempotent: true),
            async (_, ct) =>
            {
                var validation = await engine.ValidateOperationsAsync(ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => SelfTestJson.Write(writer, validation)));
            });

        yield return new MnemoTool("benchmark_memory_performance",
            "Measure this server's own store, get, list and full-text search latencies (p50, p95, max, calls per second), one call " +
            $"at a time on a new scratch namespace under {MnemoEngine.SelfTestNamespace}/, forgotten at the end.",
            Schema.Object(("operations", Schema.Integer("Calls of each operation (default 50)", 1, MaxBenchmarkOperations))),
            MnemoTool.Writes(destructive: false, idempotent: true),
            async (args, ct) => await BenchmarkAsync(engine, args.Int("operations", 50, 1, MaxBenchmarkOperations), vectors: false, ct).ConfigureAwait(false));

        yield return new MnemoTool("benchmark_vector_operations",
            "Measure this server's embedding and vector search latencies with its own embedder and index (p50, p95, max, calls " +
            $"per second), one call at a time on a new scratch namespace under {MnemoEngine.SelfTestNamespace}/, forgotten at the end.",
            Schema.Object(("operations", Schema.Integer("Calls of each operation (default 20)", 1, MaxBenchmarkOperations))),
            MnemoTool.Writes(destructive: false, idempotent: true),
            async (args, ct) => await BenchmarkAsync(engine, args.Int("operations", 20, 1, MaxBenchmarkOperations), vectors: true, ct).ConfigureAwait(false));
    }

    /// <summary>The measured figures of this process and its store: <c>mnemo://performance-metrics</c>.</summary>
    public static async Task<string> PerformanceMetricsAsync(MnemoEngine engine, CancellationToken cancellationToken) =>
        MetricsSnapshotJson.Write(await engine.GetMetricsAsync(1, cancellationToken).ConfigureAwait(false));

    /// <summary>What to do about what health and the doctor found: <c>mnemo://optimization-recommendations</c>.</summary>
    public static async Task<string> RecommendationsAsync(MnemoEngine engine, CancellationToken cancellationToken)
    {
        var analysis = await engine.AnalyzeAsync(cancellationToken).ConfigureAwait(false);
        return CoreJson.Object(writer => PerformanceAnalysisJson.WriteRecommendationsSummary(writer, analysis)).ToJsonString();
    }

    /// <summary>The engine's recent warnings and errors: <c>mnemo://system-logs</c>.</summary>
    public static string SystemLogs(MnemoEngine engine) =>
        CoreJson.Object(writer => EngineLogJson.Write(writer, engine.GetRecentLog(EngineLogLevel.Information))).ToJsonString();

    private static async Task<ModelContextProtocol.Protocol.CallToolResult> OptimizeAsync(
        MnemoEngine engine, IReadOnlyList<string> strategies, ToolArguments args, CancellationToken cancellationToken)
    {
        var request = new OptimizationRequest
        {
            Strategies = strategies,
            DryRun = args.Bool("dry_run", false),
            Swarm = args.Bool("swarm", false),
            SwarmTimeout = TimeSpan.FromSeconds(args.Int("timeout_seconds", 5, 1, 300)),
        };
        var report = await engine.OptimizeAsync(request, cancellationToken).ConfigureAwait(false);
        return ToolResults.Json(CoreJson.Object(writer => OptimizationReportJson.Write(writer, report)));
    }

    private static async Task<ModelContextProtocol.Protocol.CallToolResult> BenchmarkAsync(MnemoEngine engine, int operations, bool vectors, CancellationToken cancellationToken)
    {
        var benchmark = await engine.BenchmarkOperationsAsync(operations, vectors, cancellationToken).ConfigureAwait(false);
        return ToolResults.Json(CoreJson.Object(writer => SelfTestJson.Write(writer, benchmark)));
    }
}
