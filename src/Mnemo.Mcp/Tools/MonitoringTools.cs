using Mnemo.Core;
using Mnemo.Core.Monitoring;
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

    /// <summary>The engine's recent warnings and errors: <c>mnemo://system-logs</c>.</summary>
    public static string SystemLogs(MnemoEngine engine) =>
        CoreJson.Object(writer => EngineLogJson.Write(writer, engine.GetRecentLog(EngineLogLevel.Information))).ToJsonString();

    private static async Task<ModelContextProtocol.Protocol.CallToolResult> BenchmarkAsync(MnemoEngine engine, int operations, bool vectors, CancellationToken cancellationToken)
    {
        var benchmark = await engine.BenchmarkOperationsAsync(operations, vectors, cancellationToken).ConfigureAwait(false);
        return ToolResults.Json(CoreJson.Object(writer => SelfTestJson.Write(writer, benchmark)));
    }
}
