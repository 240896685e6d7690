using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mnemo.Core;
using Mnemo.Core.Graph;
using Mnemo.Core.Transfer;
using Mnemo.Mcp.Protocol;
using Mnemo.Mcp.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp;

/// <summary>
/// Mnemo as an MCP server: the memory tools, the knowledge-graph tools of the reference memory server, and the
/// <c>mnemo://status</c> and <c>mnemo://knowledge-graph</c> resources, all over one engine.
/// </summary>
public static class MnemoMcpServer
{
    /// <summary>The server's name as clients see it.</summary>
    public const string Name = "mnemo";

    private const string Instructions =
        "Mnemo is a persistent memory shared across sessions and agents. Recall with memory_search before a task and save " +
        "decisions, facts and results with memory_store; keys are paths such as project-x/decisions/database. The " +
        "knowledge-graph tools (create_entities, search_nodes, ...) keep entities and relations in the same store.";

    /// <summary>The options of a server over <paramref name="engine"/>: tools, resources and identity.</summary>
    public static McpServerOptions CreateOptions(MnemoEngine engine, MnemoMcpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(settings);
        // One identity path: every tool and resource acts through the caller's view of the engine, which checks access,
        // records the agent and session and charges quotas; no tool sets an agent on its writes.
        var caller = settings.Agent is { } agent ? engine.As(agent, engine.Session) : engine;
        var graph = new KnowledgeGraph(caller, settings.GraphNamespace);
        var tools = new McpServerPrimitiveCollection<McpServerTool>();
        foreach (var tool in MemoryTools.Create(caller).Concat(ConversationTools.Create(caller)).Concat(StateTools.Create(caller)).Concat(ContextTools.Create(caller)).Concat(GraphTools.Create(graph))
                     .Concat(MonitoringTools.Create(caller))
                     .Concat(LearningTools.Create(caller))
                     .Concat(LearningCycleTools.Create(caller))
                     .Concat(RecoveryTools.Create(caller))
                     .Concat(PredictionTools.Create(caller)))
        {
            // Each call is recorded in the action log that next-action prediction learns from.
            tools.Add(RecordingTool.Wrap(tool, caller));
        }

        var resources = new McpServerResourceCollection
        {
            new MnemoResource("mnemo://status", "status", "What the store holds now: entries, namespaces, history, sizes, embedding model",
                async ct => (await MemoryTools.StatusAsync(caller, ct).ConfigureAwait(false)).ToJsonString(s_indented)),
            new MnemoResource("mnemo://knowledge-graph", "knowledge-graph", "The full knowledge graph with all entities and relations",
                async ct => GraphTools.ToJson(await graph.ReadGraphAsync(cancellationToken: ct).ConfigureAwait(false)).ToJsonString(s_indented)),
            new MnemoResource("mnemo://performance-metrics", "performance-metrics",
                "This server's process and store, measured now: GC heap by generation, working set, allocation rate, machine memory, store files and namespaces",
                ct => MonitoringTools.PerformanceMetricsAsync(caller, ct)),
            new MnemoResource("mnemo://system-logs", "system-logs",
                "This server's recent engine log, oldest first: background failures it carried on from, quota warnings, optimisations",
                _ => Task.FromResult(MonitoringTools.SystemLogs(caller))),
            new MnemoResource("mnemo://optimization-recommendations", "optimization-recommendations",
                "What to do about what health and the doctor measure now, the urgent first, with the optimize strategies that act on each",
                ct => MonitoringTools.RecommendationsAsync(caller, ct)),
            new MnemoResource("mnemo://learning-metrics", "learning-metrics",
                "How learning is doing, from the stored outcomes: outcomes seen, prequential Brier score and log loss against a baseline, calibration, estimated regret",
                ct => LearningCycleTools.LearningMetricsAsync(caller, ct)),
            new MnemoResource("mnemo://adaptation-patterns", "adaptation-patterns",
                "What the last learning cycle derived: each strategy's success-rate estimate overall and per context feature, and the current insights with their confidence",
                ct => LearningCycleTools.AdaptationPatternsAsync(caller, ct)),
        };

        return new McpServerOptions
        {
            ServerInfo = new Implementation { Name = Name, Version = Version },
            ServerInstructions = Instructions,
            ToolCollection = tools,
            ResourceCollection = resources,
            Filters = new McpServerFilters
            {
                Message = new McpMessageFilters { IncomingFilters = [SessionFilters.RequireInitialize, SessionFilters.NameInvalidParams] },
            },
        };
    }

    /// <summary>
    /// MCP's stdio transport over <paramref name="input"/> and <paramref name="output"/> (tests use in-memory pipes). Lines
    /// that are not valid JSON-RPC, or longer than <paramref name="maxLineBytes"/> (16 MiB by default), get the error response
    /// the specification asks for, and the server keeps serving. The caller disposes it after the server.
    /// </summary>
    public static ITransport CreateTransport(
        Stream input, Stream output, ILoggerFactory? loggerFactory = null, long maxLineBytes = LineTransport.DefaultMaxLineBytes) =>
        new LineTransport(input, output, loggerFactory ?? NullLoggerFactory.Instance, maxLineBytes);

    /// <summary>A server over <paramref name="engine"/> on <paramref name="transport"/> (see <see cref="CreateTransport"/>).</summary>
    public static McpServer Create(ITransport transport, MnemoEngine engine, MnemoMcpSettings settings, ILoggerFactory? loggerFactory = null) =>
        McpServer.Create(transport, CreateOptions(engine, settings), loggerFactory ?? NullLoggerFactory.Instance);

    /// <summary>Serves on stdin/stdout until the client disconnects or <paramref name="cancellationToken"/> fires.</summary>
    /// <remarks>Nothing but protocol messages is written to stdout; logs go to <paramref name="loggerFactory"/> (stderr).</remarks>
    public static async Task RunStdioAsync(MnemoEngine engine, MnemoMcpSettings settings, ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        var transport = CreateTransport(Console.OpenStandardInput(), Console.OpenStandardOutput(), loggerFactory);
        await using (transport.ConfigureAwait(false))
        {
            var server = Create(transport, engine, settings, loggerFactory);
            await using (server.ConfigureAwait(false))
            {
                await server.RunAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true, Encoder = ReadableJson.Encoder };

    private static string Version =>
        typeof(MnemoMcpServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
