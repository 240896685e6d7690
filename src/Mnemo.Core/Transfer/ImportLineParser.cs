using System.Globalization;
using System.Text.Json;
using Mnemo.Core.Entries;
using Mnemo.Core.Errors;
using Mnemo.Core.Keys;
using Mnemo.Core.Storage;

namespace Mnemo.Core.Transfer;

/// <summary>
/// Parses one JSONL import line into an <see cref="ImportRecord"/> (an entry) or, when the object has a
/// <c>"link"</c> property, an <see cref="ImportLink"/>; every failure names the field and the fix.
/// </summary>
/// <remarks>
/// For an entry, <c>key</c> and <c>text</c> are required; <c>value</c>, <c>kind</c>, <c>tags</c>, <c>metadata</c>,
/// <c>namespace</c> (which must equal the key's namespace), <c>importance</c>, <c>agent</c>, <c>version</c>, the times
/// and <c>access_count</c> are optional. Other fields (such as <c>content_hash</c>) are ignored, so exports of newer
/// versions still import.
/// </remarks>
internal static partial class ImportLineParser
{
    /// <summary>Parses a line; throws <see cref="FormatException"/> describing what is wrong.</summary>
    public static ImportLine Parse(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not valid JSON ({FirstSentence(e.Message)})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"expected a JSON object with \"key\" and \"text\", found a {Describe(root.ValueKind)}");
            }

            try
            {
                return root.TryGetProperty(LinkJson.Property, out var link) ? ParseLink(root, link) : ParseEntry(root);
            }
            catch (InvalidOperationException)
            {
                // A property name holding an unpaired surrogate escape fails when names are compared; the fields read
                // above name themselves (GetString).
                throw new FormatException(
                    "a property name is not valid Unicode: it holds an unpaired UTF-16 surrogate escape (such as \\ud800); remove it or pair it");
            }
        }
    }

    private static ImportRecord ParseEntry(JsonElement root)
    {
        var key = RequiredString(root, "key");
        if (MemoryKey.Check(key) is { } keyProblem)
        {
            throw new FormatException(keyProblem);
        }

        var text = RequiredString(root, "text");
        if (OptionalString(root, "namespace") is { } ns && ns != MemoryKey.GetNamespace(key))
        {
            throw new FormatException(
                $"\"namespace\" is {UserValue.Quote(ns)} but key {UserValue.Quote(key)} is in namespace {UserValue.Quote(MemoryKey.GetNamespace(key))}: fix one or drop \"namespace\"");
        }

        var write = new MemoryWrite
        {
            Key = key,
            Text = text,
            Value = OptionalElement(root, "value"),
            Kind = OptionalString(root, "kind"),
            Tags = OptionalTags(root),
            Metadata = OptionalElement(root, "metadata"),
            Importance = OptionalNumber(root, "importance"),
            Agent = OptionalString(root, "agent"),
        };
        var version = OptionalInteger(root, "version");
        if (version is < 1)
        {
            throw new FormatException($"\"version\" is {version}: versions start at 1");
        }

        if (version > EntryDefaults.MaxVersion)
        {
            throw new FormatException(
                $"\"version\" is {version}, above the highest version an entry may have ({EntryDefaults.MaxVersion}): give a smaller version or drop \"version\" to start at 1");
        }

        var accessCount = OptionalInteger(root, "access_count");
        if (accessCount is < 0)
        {
            throw new FormatException($"\"access_count\" is {accessCount}: it cannot be negative");
        }

        var imported = new ImportedState(
            version,
            OptionalTime(root, "created_at"),
            OptionalTime(root, "updated_at"),
            OptionalTime(root, "accessed_at"),
            accessCount);
        return new ImportRecord(write, imported, OptionalTime(root, "expires_at"));
    }

    private static string RequiredString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            throw new FormatException($"\"{name}\" is missing: every line needs \"key\" and \"text\"");
        }

        return element.ValueKind == JsonValueKind.String
            ? GetString(element, name)
            : throw new FormatException($"\"{name}\" must be a string, not a {Describe(element.ValueKind)}");
    }

    private static string? OptionalString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.String
            ? GetString(element, name)
            : throw new FormatException($"\"{name}\" must be a string, not a {Describe(element.ValueKind)}");
    }

    /// <summary>
    /// The string's text; an unpaired surrogate escape (<c>"\ud800"</c>) is valid JSON syntax but not Unicode text, and is
    /// refused naming the field (System.Text.Json throws <see cref="InvalidOperationException"/> for it).
    /// </summary>
    private static string GetString(JsonElement element, string name)
    {
        try
        {
            var text = element.GetString()!;
            return UnicodeText.IndexOfInvalid(text) < 0 ? text : throw InvalidUnicode(name);
        }
        catch (InvalidOperationException)
        {
            throw InvalidUnicode(name);
        }
    }

    private static FormatException InvalidUnicode(string name) => new(
        $"\"{name}\" is not valid Unicode: it holds an unpaired UTF-16 surrogate escape (such as \\ud800); remove it or pair it (e.g. \\ud83d\\ude00)");

    private static JsonElement? OptionalElement(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null ? element.Clone() : null;

    private static double? OptionalNumber(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.Number
            ? element.GetDouble()
            : throw new FormatException($"\"{name}\" must be a number, not a {Describe(element.ValueKind)}");
    }

    private static long? OptionalInteger(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value)
            ? value
            : throw new FormatException($"\"{name}\" must be a whole number, not {element.GetRawText()}");
    }

    private static DateTimeOffset? OptionalTime(JsonElement root, string name)
    {
        if (OptionalString(root, name) is not { } text)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new FormatException($"\"{name}\" is {UserValue.Quote(text)}, not an ISO 8601 time such as 2026-11-21T09:30:00.000Z");
    }

    private static List<string>? OptionalTags(JsonElement root)
    {
        if (!root.TryGetProperty("tags", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"\"tags\" must be an array of strings, not a {Describe(element.ValueKind)}");
        }

        var tags = new List<string>();
        foreach (var tag in element.EnumerateArray())
        {
            tags.Add(tag.ValueKind == JsonValueKind.String
                ? GetString(tag, "tags")
                : throw new FormatException($"\"tags\" must hold strings only, found {tag.GetRawText()}"));
        }

        return tags;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
