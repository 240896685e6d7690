using System.Text.Json;
using System.Text.Json.Nodes;
using Mnemo.Core.Transfer;
using ModelContextProtocol.Protocol;

namespace Mnemo.Mcp.Protocol;

/// <summary>Tool results: JSON as indented text (what a model reads) and as structured content (what a program reads).</summary>
internal static class ToolResults
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true, Encoder = ReadableJson.Encoder };

    /// <summary>A JSON object result, as text and as structured content.</summary>
    public static CallToolResult Json(JsonObject value) => new()
    {
        Content = [new TextContentBlock { Text = value.ToJsonString(s_indented) }],
        StructuredContent = Schema.ToElement(value),
    };

    /// <summary>A JSON result shown as text, with structured content when it is an object.</summary>
    public static CallToolResult Json(JsonNode value) =>
        value is JsonObject obj ? Json(obj) : new() { Content = [new TextContentBlock { Text = value.ToJsonString(s_indented) }] };

    /// <summary>A plain message with an object for programs (the reference server answers deletions this way).</summary>
    public static CallToolResult Message(string text, JsonObject structured) => new()
    {
        Content = [new TextContentBlock { Text = text }],
        StructuredContent = Schema.ToElement(structured),
    };

    /// <summary>A failed call: the message is for the model, to correct its next call.</summary>
    public static CallToolResult Error(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };
}
