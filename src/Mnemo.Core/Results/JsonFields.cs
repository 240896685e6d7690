using System.Text.Json;

namespace Mnemo.Core.Results;

/// <summary>The JSON fields every result writer needs that <see cref="Utf8JsonWriter"/> has no one call for.</summary>
internal static class JsonFields
{
    /// <summary>Writes <paramref name="items"/> as an array of strings named <paramref name="name"/>.</summary>
    public static void WriteStrings(this Utf8JsonWriter writer, string name, IEnumerable<string> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes <paramref name="value"/>, or null when there is none.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes <paramref name="value"/> when it is a JSON object, else an empty object.</summary>
    public static void WriteObjectOrEmpty(this Utf8JsonWriter writer, string name, JsonElement? value)
    {
        writer.WritePropertyName(name);
        if (value is { ValueKind: JsonValueKind.Object } element)
        {
            element.WriteTo(writer);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
    }
}
