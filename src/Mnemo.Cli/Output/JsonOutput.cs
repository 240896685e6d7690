using System.Text.Json;

namespace Mnemo.Cli.Output;

/// <summary>Small pieces of JSON output shared by commands.</summary>
internal static class JsonOutput
{
    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
