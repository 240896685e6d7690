using System.Text;
using System.Text.Json;

namespace Mnemo.Core.Coordination;

/// <summary>Builds the small JSON objects that feed events carry as their detail.</summary>
public static class EventDetail
{
    /// <summary>A JSON object of the given fields; strings, whole numbers, booleans and nulls are written as such.</summary>
    public static string Of(params ReadOnlySpan<(string Name, object? Value)> fields)
    {
        using var buffer = new MemoryStream();
        // Readable: 'mnemo watch' prints the detail as stored.
        using (var writer = new Utf8JsonWriter(buffer, Transfer.ReadableJson.Compact))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                switch (value)
                {
                    case null: writer.WriteNull(name); break;
                    case string text: writer.WriteString(name, text); break;
                    case long number: writer.WriteNumber(name, number); break;
                    case int number: writer.WriteNumber(name, number); break;
                    case bool flag: writer.WriteBoolean(name, flag); break;
                    case JsonElement element: writer.WritePropertyName(name); element.WriteTo(writer); break;
                    default: throw new ArgumentException($"field '{name}' has a type an event detail cannot hold: {value.GetType().Name}", nameof(fields));
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
