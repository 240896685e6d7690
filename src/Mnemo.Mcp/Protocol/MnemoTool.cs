using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp.Protocol;

/// <summary>
/// A tool with a hand-written schema and a handler over the engine. Whatever the handler throws becomes a tool error
/// whose message helps the model (<see cref="ToolErrors"/>): a bad call never ends the session.
/// </summary>
internal sealed class MnemoTool : McpServerTool
{
    private readonly Func<ToolArguments, CancellationToken, Task<CallToolResult>> _handler;

    public MnemoTool(string name, string description, JsonObject inputSchema, ToolAnnotations annotations,
        Func<ToolArguments, CancellationToken, Task<CallToolResult>> handler)
    {
        ProtocolTool = new Tool
        {
            Name = name,
            Description = description,
            InputSchema = Schema.ToElement(inputSchema),
            Annotations = annotations,
        };
        _handler = handler;
    }

    /// <inheritdoc />
    public override Tool ProtocolTool { get; }

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata => [];

    /// <summary>Annotations of a tool that only reads.</summary>
    public static ToolAnnotations ReadOnly() => new() { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false };

    /// <summary>Annotations of a tool that writes; <paramref name="destructive"/> when it removes data.</summary>
    public static ToolAnnotations Writes(bool destructive = false, bool idempotent = false) =>
        new() { ReadOnlyHint = false, DestructiveHint = destructive, IdempotentHint = idempotent, OpenWorldHint = false };

    /// <inheritdoc />
    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await _handler(new ToolArguments(request.Params?.Arguments), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ToolErrors.Describe(ex) is { } message)
        {
            return ToolResults.Error(message);
        }
    }
}
