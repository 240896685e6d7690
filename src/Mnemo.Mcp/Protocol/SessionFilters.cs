using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp.Protocol;

/// <summary>Filters on every incoming message, for MCP rules that the SDK leaves to the server.</summary>
internal static class SessionFilters
{
    /// <summary>
    /// Refuses a request that arrives before the session is initialized (MCP lifecycle: a client sends nothing but
    /// <c>ping</c> before the answer to <c>initialize</c>). Notifications pass: they are never answered.
    /// </summary>
    /// <remarks>
    /// The 2026-07-28 revision has no <c>initialize</c>: each request names its protocol version in <c>_meta</c>, and the
    /// SDK records that version before this filter runs, so such requests pass, as does <c>server/discover</c>, that
    /// revision's way to learn what a server offers.
    /// </remarks>
    public static McpMessageFilter RequireInitialize { get; } = next => async (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is JsonRpcRequest request && !IsAllowedBeforeInitialize(request.Method) &&
            context.Server.NegotiatedProtocolVersion is null)
        {
            throw new McpProtocolException(
                $"Invalid Request: \"{request.Method}\" came before \"initialize\": initialize the session first (only \"ping\" is answered before it)",
                McpErrorCode.InvalidRequest);
        }

        await next(context, cancellationToken).ConfigureAwait(false);
    };

    /// <summary>
    /// Answers parameters the SDK cannot read (a field missing or of the wrong type) with -32602 naming the field, where
    /// the SDK would answer -32603 "An error occurred".
    /// </summary>
    public static McpMessageFilter NameInvalidParams { get; } = next => async (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is JsonRpcRequest bare && InvalidParams.DescribeMissing(bare) is { } missing)
        {
            throw new McpProtocolException(missing, McpErrorCode.InvalidParams);
        }

        try
        {
            await next(context, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex) when (context.JsonRpcMessage is JsonRpcRequest request)
        {
            throw new McpProtocolException(InvalidParams.Describe(request, ex), ex, McpErrorCode.InvalidParams);
        }
    };

    private static bool IsAllowedBeforeInitialize(string method) =>
        method is RequestMethods.Initialize or RequestMethods.Ping or RequestMethods.ServerDiscover;
}
