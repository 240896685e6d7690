using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Mnemo.Core.Graph;
using Mnemo.Core.Transfer;
using ModelContextProtocol.Protocol;

namespace Mnemo.Mcp.Tools;

/// <summary>
/// A graph view as a tool result, in the shape of <see cref="GraphTools.ToJson"/>: written once as indented JSON, which is
/// the text, and read back as the structured content. A whole graph is the largest answer a tool gives, and building a
/// <see cref="System.Text.Json.Nodes.JsonObject"/> of it, then writing it twice, cost more than finding it.
/// </summary>
internal static class GraphResults
{
    private static readonly JsonWriterOptions s_indented = new() { Indented = true, Encoder = ReadableJson.Encoder };

    // A view the graph hands out again unchanged (an unchanged graph read again) is rendered once.
    private static readonly ConditionalWeakTable<GraphView, CallToolResult> s_rendered = [];

    /// <summary>The result for <paramref name="view"/>.</summary>
    public static CallToolResult Of(GraphView view) => s_rendered.GetValue(view, Render);

    private static CallToolResult Render(GraphView view)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, s_indented))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("entities");
            foreach (var entity in view.Entities)
            {
                writer.WriteStartObject();
                writer.WriteString("name", entity.Name);
                writer.WriteString("entityType", entity.EntityType);
                writer.WriteStartArray("observations");
                foreach (var observation in entity.Observations)
                {
                    writer.WriteStringValue(observation);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("relations");
            foreach (var relation in view.Relations)
            {
                writer.WriteStartObject();
                writer.WriteString("from", relation.From);
                writer.WriteString("to", relation.To);
                writer.WriteString("relationType", relation.RelationType);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (view.Total is { } total)
            {
                writer.WriteNumber("total", total);
                if (view.NextOffset is { } next)
                {
                    writer.WriteNumber("nextOffset", next);
                }
                else
                {
                    writer.WriteNull("nextOffset");
                }
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = Encoding.UTF8.GetString(buffer.WrittenSpan) }],
            StructuredContent = document.RootElement.Clone(),
        };
    }
}
