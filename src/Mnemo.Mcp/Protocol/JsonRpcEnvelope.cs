using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Mnemo.Core.Entries;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Mnemo.Mcp.Protocol;

/// <summary>
/// Checks one line from the client against JSON-RPC 2.0 and MCP's rules for a message before the SDK reads it, because
/// the SDK drops what it cannot read without answering (a client would wait forever) or answers it as a parse error.
/// </summary>
/// <remarks>
/// JSON-RPC 2.0: invalid JSON is answered with -32700 and a message that is not a valid request with -32600, with id null
/// when the id could not be read. MCP narrows the id to a string or an integer (never null) and has no batches.
/// </remarks>
internal static class JsonRpcEnvelope
{
    private const string Version = "2.0";

    private static readonly JsonTypeInfo s_messageType = McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    /// <summary>
    /// Reads <paramref name="line"/> (one line, without its newline): the message for the SDK, or the error response to
    /// send instead. Both are null when the line is to be dropped without an answer: a response to the server that
    /// cannot be matched to any request (JSON-RPC never answers a response).
    /// </summary>
    public static (JsonRpcMessage? Message, JsonRpcRejection? Rejection) Read(byte[] line)
    {
        // MCP messages are UTF-8, and the JSON reader leaves the bytes inside strings unchecked until they are read.
        if (!Utf8.IsValid(line))
        {
            return Reject(null, JsonRpcRejection.ParseError,
                $"Parse error: the line is not valid UTF-8 (at byte {FirstInvalidUtf8(line) + 1}): send each JSON-RPC 2.0 message as UTF-8 text");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return Reject(null, JsonRpcRejection.ParseError,
                $"Parse error: the line is not valid JSON ({Describe(ex)}): send each JSON-RPC 2.0 message as one JSON object on one line");
        }

        using (document)
        {
            if (Check(document.RootElement) is { } rejection)
            {
                return (null, rejection);
            }

            if (IsUnmatchableResponse(document.RootElement))
            {
                return (null, null);
            }
        }

        try
        {
            return (JsonSerializer.Deserialize(line, s_messageType) as JsonRpcMessage, null);
        }
        catch (JsonException)
        {
            // What passed the checks above but not the SDK's reader is a response of the wrong shape (the SDK's message
            // names its .NET types, so it is not passed on).
            using var again = JsonDocument.Parse(line);
            return Reject(ValidId(again.RootElement), JsonRpcRejection.InvalidRequest,
                "Invalid Request: the message is neither a request, a notification nor a response of JSON-RPC 2.0: a response has " +
                "an \"id\" and either a \"result\" or an \"error\" object with a \"code\" and a \"message\"");
        }
    }

    // The envelope rules, in the order a reader meets them; the first broken one is reported.
    private static JsonRpcRejection? Check(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return new(null, JsonRpcRejection.InvalidRequest,
                "Invalid Request: batches (JSON arrays) are not supported by MCP: send one JSON-RPC message per line");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return new(null, JsonRpcRejection.InvalidRequest,
                $"Invalid Request: a JSON-RPC message is a JSON object, not {JsonValues.Show(root)}: send {{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}}");
        }

        // Looking a member up decodes the names of the message's members, so a bad one leaves the id unread.
        var where = UnicodeText.FindInJson(root, root: "");
        var id = where == UnicodeText.PropertyNameOfRoot ? null : ValidId(root);
        if (where is not null)
        {
            // The method's parameters are the caller's data (-32602); anything else breaks the envelope (-32600).
            var inParams = where.StartsWith("params", StringComparison.Ordinal) || where.StartsWith("a property name in params", StringComparison.Ordinal);
            return new(id, inParams ? JsonRpcRejection.InvalidParams : JsonRpcRejection.InvalidRequest,
                $"{(inParams ? "Invalid params" : "Invalid Request")}: {where} is not valid Unicode (a \\uD800-\\uDFFF escape without its pair): " +
                "send text as UTF-8, or escape a character beyond U+FFFF as a whole surrogate pair");
        }

        if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != Version)
        {
            return new(id, JsonRpcRejection.InvalidRequest,
                $"Invalid Request: \"jsonrpc\" is {(version.ValueKind == JsonValueKind.Undefined ? "missing" : JsonValues.Show(version))}: it must be \"2.0\"");
        }

        if (root.TryGetProperty("method", out var method))
        {
            if (method.ValueKind != JsonValueKind.String)
            {
                return new(id, JsonRpcRejection.InvalidRequest, $"Invalid Request: \"method\" is {JsonValues.Show(method)}: it must be a string such as \"tools/call\"");
            }

            if (root.TryGetProperty("id", out var given) && id is null)
            {
                return new(null, JsonRpcRejection.InvalidRequest,
                    $"Invalid Request: \"id\" is {JsonValues.Show(given)}: it must be a string or an integer (MCP does not allow null), or left out for a notification");
            }

            if (root.TryGetProperty("params", out var parameters) && parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                return new(id, JsonRpcRejection.InvalidParams, $"Invalid params: \"params\" is {JsonValues.Show(parameters)}: it must be a JSON object (MCP names its parameters)");
            }

            return null;
        }

        return root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _)
            ? null
            : new(id, JsonRpcRejection.InvalidRequest,
                "Invalid Request: a message needs a \"method\" (a request or a notification), or a \"result\" or an \"error\" (a response)");
    }

    // A response (no method) whose id is not one the server could have sent: nothing waits for it.
    private static bool IsUnmatchableResponse(JsonElement root) => !root.TryGetProperty("method", out _) && ValidId(root) is null;

    /// <summary>The message's id when it is one MCP allows (a string, or an integer that fits in 64 bits); otherwise null.</summary>
    private static JsonNode? ValidId(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var id) && id.ValueKind switch
        {
            JsonValueKind.String => UnicodeText.IsValid(id),
            JsonValueKind.Number => id.TryGetInt64(out _),
            _ => false,
        }
            ? JsonNode.Parse(id.GetRawText())
            : null;

    // The reader's message without its line and byte counters, with the position said plainly.
    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return exception.BytePositionInLine is { } position ? $"{reason}, at byte {position + 1}" : reason;
    }

    private static int FirstInvalidUtf8(byte[] line)
    {
        var offset = 0;
        while (offset < line.Length && Rune.DecodeFromUtf8(line.AsSpan(offset), out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }

    private static (JsonRpcMessage?, JsonRpcRejection?) Reject(JsonNode? id, int code, string message) => (null, new JsonRpcRejection(id, code, message));
}
