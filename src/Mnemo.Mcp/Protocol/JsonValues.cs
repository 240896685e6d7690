using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mnemo.Mcp.Protocol;

/// <summary>A JSON value as error messages show it: as it was sent, cut short, with its kind.</summary>
internal static class JsonValues
{
    private const int ShownLength = 40;

    /// <summary>For example <c>1.5 (a number that is not an integer of 64 bits)</c>, <c>{"a":1} (an object)</c> or <c>null</c>.</summary>
    public static string Show(JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return "null";
        }

        var raw = value.GetRawText();
        var shown = raw.Length > ShownLength ? raw[..ShownLength] + "..." : raw;
        var kind = value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => value.TryGetInt64(out _) ? "a number" : "a number that is not an integer of 64 bits",
            _ => "a boolean",
        };
        return $"{shown} ({kind})";
    }

    /// <summary>As <see cref="Show(JsonElement)"/>, for a node (null for JSON null).</summary>
    public static string Show(JsonNode? value)
    {
        if (value is null)
        {
            return "null";
        }

        using var document = JsonDocument.Parse(value.ToJsonString());
        return Show(document.RootElement);
    }
}
