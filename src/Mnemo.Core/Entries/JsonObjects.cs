using System.Buffers;
using System.Text.Json;

namespace Mnemo.Core.Entries;

/// <summary>Builds the JSON objects Mnemo stores as entry values and metadata.</summary>
internal static class JsonObjects
{
    /// <summary>A JSON object whose properties <paramref name="writeProperties"/> writes.</summary>
    public static JsonElement Build(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
