using System.Text.Json;

namespace Mnemo.Mcp.Protocol;

/// <summary>
/// Finds strings that are not valid Unicode in a JSON message: JSON's <c>\uD800</c> escapes can spell a lone UTF-16
/// surrogate, which is valid JSON text but no text at all, and which the SDK fails on with a bare "An error occurred".
/// </summary>
internal static class JsonUnicode
{
    /// <summary>What <see cref="FindInvalid"/> answers when a member name of the message itself is not valid Unicode.</summary>
    public const string MessageMemberName = "a property name of the message";

    /// <summary>
    /// Where under <paramref name="element"/> (itself at <paramref name="path"/>, empty for the whole message) the first string that does not decode to
    /// valid Unicode is: <c>params.arguments.text</c>, <c>params.tags[2]</c>, <c>a property name in params.arguments</c>;
    /// null when every string and property name decodes.
    /// </summary>
    public static string? FindInvalid(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Decodes(element) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryName(property, out var name))
                    {
                        return path.Length == 0 ? MessageMemberName : $"a property name in {path}";
                    }

                    if (FindInvalid(property.Value, path.Length == 0 ? name : $"{path}.{name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindInvalid(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Whether the string <paramref name="value"/> decodes to valid Unicode.</summary>
    public static bool Decodes(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = "";
            return false;
        }
    }
}
