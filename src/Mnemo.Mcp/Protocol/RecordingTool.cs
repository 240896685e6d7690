using Mnemo.Core;
using Mnemo.Core.Learning.Prediction;
using Mnemo.Mcp.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp.Protocol;

/// <summary>
/// A tool that records each call, by the tool's name, in the store's action log before running it (next-action
/// prediction learns from the log). Recording never fails the call: the engine logs a store failure and goes on.
/// </summary>
internal sealed class RecordingTool : McpServerTool
{
    private readonly McpServerTool _inner;
    private readonly MnemoEngine _engine;

    private RecordingTool(McpServerTool inner, MnemoEngine engine)
    {
        _inner = inner;
        _engine = engine;
    }

    /// <inheritdoc />
    public override Tool ProtocolTool => _inner.ProtocolTool;

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata => _inner.Metadata;

    /// <summary>
    /// <paramref name="tool"/> recording its calls as <paramref name="engine"/>'s caller; the tools of the action log
    /// itself (<see cref="PredictionTools.Names"/>) as they are, so that prediction does not learn its own queries.
    /// </summary>
    public static McpServerTool Wrap(McpServerTool tool, MnemoEngine engine)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return PredictionTools.Names.Contains(tool.ProtocolTool.Name) ? tool : new RecordingTool(tool, engine);
    }

    /// <inheritdoc />
    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        await _engine.RecordActionAsync(ProtocolTool.Name, ActionSource.Mcp, cancellationToken).ConfigureAwait(false);
        return await _inner.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
