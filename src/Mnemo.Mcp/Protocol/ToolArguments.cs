using System.Globalization;
using System.Text.Json;

namespace Mnemo.Mcp.Protocol;

/// <summary>
/// A tool call's arguments, read with messages that name the argument, what was wrong and what to send instead, so a
/// model can correct its next call.
/// </summary>
internal sealed class ToolArguments
{
    private readonly IDictionary<string, JsonElement> _values;

    public ToolArguments(IDictionary<string, JsonElement>? values) =>
        _values = values ?? new Dictionary<string, JsonElement>();

    /// <summary>A required string; <paramref name="example"/> shows a good value in the error.</summary>
    public string String(string name, string example) =>
        OptionalString(name) is { Length: > 0 } value
            ? value
            : throw new ToolArgumentException($"argument '{name}' is missing or empty: give a string such as {example}");

    public string? OptionalString(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        var other => throw Wrong(name, other.Value, "a string"),
    };

    public int Int(string name, int fallback, int min, int max)
    {
        if (Get(name) is not { } value)
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw Wrong(name, value, $"a whole number from {min} to {max}");
        }

        return number >= min && number <= max
            ? number
            : throw new ToolArgumentException($"argument '{name}' is {number}: give a whole number from {min} to {max}");
    }

    public int? OptionalInt(string name, int min, int max) => Get(name) is null ? null : Int(name, 0, min, max);

    public double? OptionalDouble(string name, double min, double max)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw Wrong(name, value, $"a number from {min} to {max}");
        }

        var number = value.GetDouble();
        return number >= min && number <= max
            ? number
            : throw new ToolArgumentException(
                $"argument '{name}' is {number.ToString(CultureInfo.InvariantCulture)}: give a number from {min} to {max}");
    }

    public long? OptionalLong(string name, long min)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= min
            ? number
            : throw Wrong(name, value, $"a whole number of at least {min}");
    }

    public bool Bool(string name, bool fallback) => Get(name) switch
    {
        null => fallback,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        var other => throw Wrong(name, other.Value, "true or false"),
    };

    /// <summary>An optional array of strings.</summary>
    public IReadOnlyList<string>? OptionalStrings(string name) => Get(name) is { } value ? Strings(name, value) : null;

    /// <summary>A required array of strings.</summary>
    public IReadOnlyList<string> Strings(string name, string example) =>
        Get(name) is { } value ? Strings(name, value) : throw new ToolArgumentException($"argument '{name}' is missing: give an array of strings such as {example}");

    /// <summary>An optional JSON object, kept as it is.</summary>
    public JsonElement? OptionalObject(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } value => value.Clone(),
        var other => throw Wrong(name, other.Value, "a JSON object"),
    };

    /// <summary>Every argument as one JSON object (for a tool whose arguments are a set of named values the engine checks).</summary>
    public JsonElement AsObject()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in _values)
            {
                if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>An optional argument of any JSON kind, kept as it is.</summary>
    public JsonElement? OptionalJson(string name) => Get(name)?.Clone();

    /// <summary>A required array of objects, each read by <paramref name="read"/> (whose errors name the item).</summary>
    public IReadOnlyList<T> Objects<T>(string name, string example, Func<ToolArguments, T> read)
    {
        if (Get(name) is not { ValueKind: JsonValueKind.Array } array)
        {
            throw new ToolArgumentException($"argument '{name}' is missing or not an array: give an array such as {example}");
        }

        var items = new List<T>();
        foreach (var (item, index) in array.EnumerateArray().Select((item, index) => (item, index)))
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new ToolArgumentException($"{name}[{index}] is not an object: give objects such as {example}");
            }

            try
            {
                items.Add(read(new ToolArguments(item.EnumerateObject().ToDictionary(p => p.Name, p => p.Value))));
            }
            catch (ToolArgumentException ex)
            {
                throw new ToolArgumentException($"{name}[{index}]: {ex.Message}");
            }
        }

        return items;
    }

    private JsonElement? Get(string name) =>
        _values.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;

    private static IReadOnlyList<string> Strings(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            throw Wrong(name, value, "an array of strings");
        }

        return value.EnumerateArray().Select(item => item.GetString()!).ToList();
    }

    private static ToolArgumentException Wrong(string name, JsonElement value, string wanted)
    {
        var shown = value.GetRawText();
        return new ToolArgumentException(
            $"argument '{name}' is {(shown.Length > 60 ? shown[..60] + "..." : shown)} ({value.ValueKind.ToString().ToLowerInvariant()}): give {wanted}");
    }
}
