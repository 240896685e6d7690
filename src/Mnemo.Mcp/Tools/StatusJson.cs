using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mnemo.Core;
using Mnemo.Core.Storage;

namespace Mnemo.Mcp.Tools;

/// <summary>
/// What the store holds, measured now, under the names the CLI's <c>status --json</c> uses (Core's
/// <see cref="StoreJson"/>), without its location: a model does not need the user's file paths.
/// </summary>
internal static class StatusJson
{
    public static async Task<JsonObject> OfAsync(MnemoEngine engine, CancellationToken cancellationToken)
    {
        var status = await engine.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            StoreJson.WriteStatusFields(writer, status.Store);
            writer.WriteEndObject();
        }

        var json = JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
        json["embedding_model"] = await engine.GetEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);
        json["cached_entries"] = status.CachedEntries;
        return json;
    }
}
