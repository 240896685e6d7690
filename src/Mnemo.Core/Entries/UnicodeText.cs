using System.Text.Json;

namespace Mnemo.Core.Entries;

/// <summary>Finds text that is not valid Unicode: an unpaired UTF-16 surrogate, in a string or in a JSON string escape.</summary>
/// <remarks>
/// Such text cannot be written as UTF-8 or JSON: one entry holding it (a <c>"\ud800"</c> escape in a value, say) made
/// every JSON output of the store fail. Writes are refused at the door (<see cref="Require(string?, string)"/>), and
/// <c>check</c> reports stored entries that hold it (<see cref="FindInEntry"/>).
/// </remarks>
public static class UnicodeText
{
    /// <summary>What <see cref="FindInJson"/> answers when a member name of a value found at the root "" is not valid Unicode.</summary>
    public const string PropertyNameOfRoot = "a property name";

    /// <summary>The index of the first unpaired surrogate in <paramref name="text"/>, or -1 when it is valid Unicode.</summary>
    internal static int IndexOfInvalid(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Where in a JSON value the first string or property name that is not valid Unicode is (a path such as
    /// <c>$.a[2]</c>, or <c>a property name in $.a</c>), or null when all are valid.
    /// </summary>
    /// <param name="element">The JSON value.</param>
    /// <param name="root">The path of <paramref name="element"/> itself: <c>$</c>, or "" to start paths with a member name.</param>
    public static string? FindInJson(JsonElement element, string root = "$") => Find(element, root);

    /// <summary>True when a JSON string decodes to valid Unicode (System.Text.Json throws on an unpaired surrogate escape).</summary>
    public static bool IsValid(JsonElement text)
    {
        try
        {
            return IndexOfInvalid(text.GetString()) < 0;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="field"/> when the text is not valid Unicode.</summary>
    internal static void Require(string? text, string field)
    {
        if (text is not null && IndexOfInvalid(text) is var at and >= 0)
        {
            throw Invalid(field, $"an unpaired UTF-16 surrogate (\\u{(int)text[at]:x4}) at character {at}");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="field"/> when a JSON value holds text that is not valid Unicode.</summary>
    internal static void Require(JsonElement? json, string field)
    {
        if (json is { } element && FindInJson(element) is { } path)
        {
            throw Invalid(field, $"an unpaired UTF-16 surrogate escape (such as \\ud800) at {path}");
        }
    }

    /// <summary>The first field of an entry that holds text which is not valid Unicode, with what is wrong, or null when none does.</summary>
    internal static string? FindInEntry(MemoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (IndexOfInvalid(entry.Key) >= 0)
        {
            return "the key holds an unpaired surrogate";
        }

        if (IndexOfInvalid(entry.Text) >= 0)
        {
            return "the text holds an unpaired surrogate";
        }

        if (entry.Value is { } value && FindInJson(value) is { } valuePath)
        {
            return $"the value holds an unpaired surrogate at {valuePath}";
        }

        if (entry.Metadata is { } metadata && FindInJson(metadata) is { } metadataPath)
        {
            return $"the metadata holds an unpaired surrogate at {metadataPath}";
        }

        foreach (var tag in entry.Tags)
        {
            if (IndexOfInvalid(tag) >= 0)
            {
                return "a tag holds an unpaired surrogate";
            }
        }

        return IndexOfInvalid(entry.Kind) >= 0 || IndexOfInvalid(entry.Agent ?? "") >= 0
            ? "the kind or agent holds an unpaired surrogate"
            : null;
    }

    private static ArgumentException Invalid(string field, string what) => new(
        $"{field} is not valid Unicode: it holds {what}; remove it or pair it (a character outside the BMP is a high surrogate followed by a low one, e.g. \\ud83d\\ude00)",
        field);

    private static string? Find(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsValid(element) ? null : path;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = NameOf(property);
                    if (name is null || IndexOfInvalid(name) >= 0)
                    {
                        return path.Length == 0 ? PropertyNameOfRoot : $"a property name in {path}";
                    }

                    var escaped = Errors.UserValue.Escape(name);
                    if (Find(property.Value, path.Length == 0 ? escaped : $"{path}.{escaped}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string? NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
