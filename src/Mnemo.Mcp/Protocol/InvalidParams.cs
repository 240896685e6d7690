using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelContextProtocol.Protocol;

namespace Mnemo.Mcp.Protocol;

/// <summary>
/// The message of a -32602 answer for parameters the SDK could not read: which field, what was sent, and what to send.
/// The SDK's own exception text names .NET types, so it is not passed on.
/// </summary>
internal static partial class InvalidParams
{
    // What to send instead, for the fields of the methods this server answers that a client is most likely to get wrong.
    private static readonly Dictionary<(string Method, string Path), string> s_fixes = new()
    {
        [(RequestMethods.ToolsCall, "$.name")] = "give the tool's name as a string, e.g. \"memory_search\" (tools/list names them)",
        [(RequestMethods.ToolsCall, "$.arguments")] = "give the tool's arguments as an object, e.g. {\"query\": \"database choice\"}",
        [(RequestMethods.ResourcesRead, "$.uri")] = "give the resource's address as a string, e.g. \"mnemo://status\" (resources/list names them)",
    };

    // The field each method cannot do without, for requests that come with no params at all (the SDK then reads an empty
    // name, and answers "Unknown tool: ''").
    private static readonly Dictionary<string, string> s_required = new()
    {
        [RequestMethods.ToolsCall] = "$.name",
        [RequestMethods.ResourcesRead] = "$.uri",
    };

    /// <summary>The message for a request of a method that needs params but has none; null when it needs none.</summary>
    public static string? DescribeMissing(JsonRpcRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Params is null && s_required.TryGetValue(request.Method, out var path) ? Message(request.Method, path, "is missing") : null;
    }

    /// <summary>The message for <paramref name="exception"/>, thrown while the SDK read the parameters of <paramref name="request"/>.</summary>
    public static string Describe(JsonRpcRequest request, JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exception);

        // A missing required field is reported at the object that lacks it ("$"), with the field's name in the text.
        var path = exception.Path ?? "$";
        var missing = MissingProperty().Match(exception.Message);
        if (missing.Success)
        {
            path = path == "$" ? $"$.{missing.Groups[1].Value}" : $"{path}.{missing.Groups[1].Value}";
        }

        var found = missing.Success ? "is missing"
            : Find(request.Params, path) is (var value, true) ? $"is {JsonValues.Show(value)}"
            : "has the wrong type";
        return Message(request.Method, path, found);
    }

    private static string Message(string method, string path, string found)
    {
        var fix = s_fixes.TryGetValue((method, path), out var known) ? known : $"send the parameters the MCP specification gives for \"{method}\"";
        return $"Invalid params for \"{method}\": params{path[1..]} {found}: {fix}";
    }

    // The value at a simple path ($.a.b, $.a[0], $['a b']) of the parameters; present is false when the path leads nowhere.
    private static (JsonNode? Value, bool Present) Find(JsonNode? root, string path)
    {
        var node = root;
        foreach (Match step in PathStep().Matches(path))
        {
            if (step.Groups["name"].Success || step.Groups["quoted"].Success)
            {
                var name = step.Groups["name"].Success ? step.Groups["name"].Value : step.Groups["quoted"].Value;
                if (node is not JsonObject obj || !obj.TryGetPropertyValue(name, out node))
                {
                    return (null, false);
                }
            }
            else if (node is JsonArray array && int.TryParse(step.Groups["index"].Value, CultureInfo.InvariantCulture, out var index) && index < array.Count)
            {
                node = array[index];
            }
            else
            {
                return (null, false);
            }
        }

        return (node, true);
    }

    [GeneratedRegex("missing required properties including: '([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex MissingProperty();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathStep();
}
