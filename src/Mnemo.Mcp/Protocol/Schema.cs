using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mnemo.Mcp.Protocol;

/// <summary>Small builders for the JSON Schemas of tool inputs, written out by hand so every description is deliberate.</summary>
internal static class Schema
{
    public static JsonObject String(string description) => new() { ["type"] = "string", ["description"] = description };

    public static JsonObject Integer(string description, int min, int max) =>
        new() { ["type"] = "integer", ["description"] = description, ["minimum"] = min, ["maximum"] = max };

    public static JsonObject Number(string description, double min, double max) =>
        new() { ["type"] = "number", ["description"] = description, ["minimum"] = min, ["maximum"] = max };

    public static JsonObject Boolean(string description) => new() { ["type"] = "boolean", ["description"] = description };

    public static JsonObject Strings(string description) =>
        new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["description"] = description };

    public static JsonObject AnyObject(string description) => new() { ["type"] = "object", ["description"] = description };

    public static JsonObject Enum(string description, params string[] values) =>
        new() { ["type"] = "string", ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]), ["description"] = description };

    public static JsonObject ArrayOf(JsonObject item, string? description = null)
    {
        var array = new JsonObject { ["type"] = "array", ["items"] = Unattached(item) };
        if (description is not null)
        {
            array["description"] = description;
        }

        return array;
    }

    /// <summary>An object schema; properties whose name ends in '!' are required (the '!' is dropped).</summary>
    public static JsonObject Object(params (string Name, JsonObject Schema)[] properties)
    {
        var shape = new JsonObject();
        var required = new JsonArray();
        foreach (var (name, schema) in properties)
        {
            var plain = name.TrimEnd('!');
            shape[plain] = Unattached(schema);
            if (name.EndsWith('!'))
            {
                required.Add((JsonNode)plain);
            }
        }

        var result = new JsonObject { ["type"] = "object", ["properties"] = shape };
        if (required.Count > 0)
        {
            result["required"] = required;
        }

        return result;
    }

    // A schema shared by several tools (the key, an entity) is copied, since a JSON node has only one parent.
    private static JsonNode Unattached(JsonObject schema) => schema.Parent is null ? schema : schema.DeepClone();

    /// <summary>A schema as the element the protocol types carry.</summary>
    public static JsonElement ToElement(JsonObject schema) => JsonDocument.Parse(schema.ToJsonString()).RootElement.Clone();
}
