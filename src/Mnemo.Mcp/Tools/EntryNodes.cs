using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mnemo.Core.Entries;
using Mnemo.Core.Transfer;

namespace Mnemo.Mcp.Tools;

/// <summary>Entries and history steps as JSON nodes, in the same shape as the CLI's <c>--json</c> and export.</summary>
internal static class EntryNodes
{
    public static JsonObject Of(MemoryEntry entry) => Written(writer => EntryJson.Write(writer, entry));

    public static JsonObject Of(EntryVersion version) => Written(writer => EntryJson.Write(writer, version));

    private static JsonObject Written(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }
}
