using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mnemo.Core.Transfer;

namespace Mnemo.Mcp.Tools;

/// <summary>
/// Core's JSON writers (<see cref="EntryJson"/>, <c>Mnemo.Core.Results</c>) as JSON nodes for tool results, so a tool
/// answers in exactly the shape the CLI's <c>--json</c> prints.
/// </summary>
internal static class CoreJson
{
    /// <summary>The object <paramref name="write"/> writes.</summary>
    public static JsonObject Object(Action<Utf8JsonWriter> write) => Node(write).AsObject();

    /// <summary>
    /// The array <paramref name="write"/> writes, as the one property <paramref name="name"/> of an object: a tool's
    /// structured result must be an object, where the CLI prints the array itself.
    /// </summary>
    public static JsonObject List(string name, Action<Utf8JsonWriter> write) => new() { [name] = Node(write).AsArray() };

    private static JsonNode Node(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, ReadableJson.Compact))
        {
            write(writer);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!;
    }
}
