using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mnemo.Core.Transfer;

namespace Mnemo.Mcp.Protocol;

/// <summary>
/// A JSON-RPC error response for a line the SDK cannot take: not JSON, or not a valid request. The SDK's own message types
/// cannot carry the null id that JSON-RPC 2.0 requires when the request's id could not be read, so it is written here.
/// </summary>
/// <param name="Id">The request's id when it could be read (a string or an integer); null otherwise, as the specification says.</param>
/// <param name="Code">A JSON-RPC error code: <see cref="ParseError"/>, <see cref="InvalidRequest"/> or <see cref="InvalidParams"/>.</param>
/// <param name="Message">What was wrong and what to send instead.</param>
internal sealed record JsonRpcRejection(JsonNode? Id, int Code, string Message)
{
    /// <summary>Invalid JSON was received.</summary>
    public const int ParseError = -32700;

    /// <summary>The JSON sent is not a valid request object.</summary>
    public const int InvalidRequest = -32600;

    /// <summary>The method's parameters are invalid.</summary>
    public const int InvalidParams = -32602;

    private static readonly JsonSerializerOptions s_options = new() { Encoder = ReadableJson.Encoder };

    /// <summary>The answer to a line longer than the transport reads: its id is unknown, since the line is not parsed.</summary>
    public static JsonRpcRejection TooLong(long maxLineBytes) => new(null, InvalidRequest,
        $"Invalid Request: the message is longer than {maxLineBytes:N0} bytes, the most one line may hold; send one memory per call, "
        + "and keep each within the store's entry size");

    /// <summary>The response as one line of UTF-8 JSON, without the newline.</summary>
    public byte[] ToUtf8Bytes() => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["jsonrpc"] = "2.0",
        ["id"] = Id?.DeepClone(),
        ["error"] = new JsonObject { ["code"] = Code, ["message"] = Message },
    }.ToJsonString(s_options));
}
