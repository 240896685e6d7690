using System.Globalization;
using System.Text.Json;

namespace Mnemo.Core.Learning;

/// <summary>
/// A task's context as a set of features <c>name=value</c>: each scalar property of the context object, nested objects'
/// properties as <c>outer.inner</c>, and each scalar element of an array as its own feature. Numbers are kept as
/// written (<c>agents=3</c>), so a context matches another when it has all of its features; bucket continuous values
/// (<c>"size":"large"</c>) to pool them.
/// </summary>
public static class ContextFeatures
{
    /// <summary>The features of <paramref name="context"/>, sorted and distinct; empty for null or an empty object.</summary>
    /// <exception cref="ArgumentException">The context is not a JSON object (the message names what it is).</exception>
    public static IReadOnlyList<string> Of(JsonElement? context) =>
        TryOf(context, out var error) ?? throw new ArgumentException(error, nameof(context));

    /// <summary>The features of <paramref name="context"/>, or null with the reason when it is not a JSON object.</summary>
    internal static IReadOnlyList<string>? TryOf(JsonElement? context, out string? error)
    {
        error = null;
        if (context is not { } value || value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            error = $"the context must be a JSON object such as {{\"data_size\":\"large\"}}, not {Describe(value)}";
            return null;
        }

        var features = new SortedSet<string>(StringComparer.Ordinal);
        Add(features, "", value);
        return [.. features];
    }

    /// <summary>True when <paramref name="outcome"/> holds every feature of <paramref name="query"/> (both sorted).</summary>
    public static bool Matches(IReadOnlyList<string> outcome, IReadOnlyList<string> query)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(query);
        foreach (var feature in query)
        {
            if (!Contains(outcome, feature))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(IReadOnlyList<string> sorted, string feature)
    {
        int low = 0, high = sorted.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = string.CompareOrdinal(sorted[middle], feature);
            if (order == 0)
            {
                return true;
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return false;
    }

    private static void Add(SortedSet<string> features, string prefix, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Add(features, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}", property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var element in value.EnumerateArray())
                {
                    if (element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                    {
                        Add(features, prefix, element);
                    }
                }

                break;
            case JsonValueKind.String:
                features.Add($"{prefix}={value.GetString()}");
                break;
            case JsonValueKind.Number:
                features.Add($"{prefix}={value.GetRawText()}");
                break;
            case JsonValueKind.True or JsonValueKind.False:
                features.Add($"{prefix}={(value.GetBoolean() ? "true" : "false")}");
                break;
            default:
                break; // null: no feature
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {value.GetRawText()}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        _ => value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
