using System.CommandLine;
using Mnemo.Core;
using Mnemo.Core.Graph;
using Mnemo.Mcp;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo mcp</c>: serves the store to an MCP client (Claude Code and Desktop, VS Code, Cursor) over stdin/stdout until
/// the client disconnects. Nothing but protocol messages goes to stdout.
/// </summary>
internal static class McpCommand
{
    public static Command Create()
    {
        var graphNamespace = new Option<string?>("--graph-namespace")
        {
            Description = $"Where the knowledge-graph tools keep entities and relations (default {KnowledgeGraph.DefaultRoot}, or MNEMO_GRAPH_NAMESPACE)",
        };
        var command = new Command("mcp", "Run Mnemo as an MCP server on stdin/stdout (memory tools, knowledge-graph tools, resources)")
        {
            graphNamespace,
        };
        command.SetBody(async context =>
        {
            // The CLI's options (the environment's, then the global flags), then this command's flag over MNEMO_GRAPH_NAMESPACE.
            var options = context.CreateOptions();
            // A long-running server samples itself into the store's metrics history (MNEMO_METRICS_INTERVAL, 0 turns it
            // off), so that 'mnemo monitor' shows it; the first sample is taken in the background as it starts.
            options.MetricsInterval ??= MnemoOptions.DefaultMetricsInterval;
            var root = context.Value(graphNamespace) ?? options.GraphNamespace;
            var settings = new MnemoMcpSettings(root, options.Agent);

            // Checked before the engine opens, so a bad namespace is a plain error rather than a server that fails every call.
            KnowledgeGraph.ValidateRoot(root);
            var engine = await MnemoEngine.OpenAsync(options, context.CancellationToken).ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                // Answers 'mnemo optimize --swarm' for this process while it serves.
                var listener = engine.StartOptimizationListener();
                await using var listening = listener.ConfigureAwait(false);
                await MnemoMcpServer.RunStdioAsync(engine, settings, cancellationToken: context.CancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
