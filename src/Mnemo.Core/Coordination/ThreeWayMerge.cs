using System.Text.Json;
using Mnemo.Core.Entries;

namespace Mnemo.Core.Coordination;

/// <summary>
/// Merges a write made from an older version into the current entry (the merge conflict policy): a field changed on one
/// side only takes that change; JSON objects (value, metadata) merge property by property, recursively; tags are united;
/// a field both sides changed differently cannot merge and is named.
/// </summary>
internal static class ThreeWayMerge
{
    /// <summary>The merged write, and the fields that could not be merged (empty when it merged cleanly).</summary>
    /// <param name="ancestor">The version the write was made from, or null when unknown (then only equal or disjoint changes merge).</param>
    /// <param name="current">The entry as it is now.</param>
    /// <param name="incoming">The write.</param>
    public static (MemoryWrite Merged, IReadOnlyList<string> Conflicts) Merge(MemoryEntry? ancestor, MemoryEntry current, MemoryWrite incoming)
    {
        var conflicts = new List<string>();
        var merged = incoming with
        {
            Text = Pick(ancestor?.Text, current.Text, incoming.Text, "text", conflicts)!,
            Value = MergeJson(ancestor is not null, Optional(ancestor?.Value), Optional(current.Value), Optional(incoming.Value), "value", conflicts)?.Element,
            Metadata = MergeJson(ancestor is not null, Optional(ancestor?.Metadata), Optional(current.Metadata), Optional(incoming.Metadata), "metadata", conflicts)?.Element,
            Kind = Pick(ancestor?.Kind, current.Kind, incoming.Kind ?? EntryDefaults.Kind, "kind", conflicts),
            Tags = [.. current.Tags.Union(incoming.Tags ?? [], StringComparer.Ordinal)],
            Importance = MergeImportance(ancestor?.Importance, current.Importance, incoming.Importance ?? EntryDefaults.Importance),
        };
        return (merged, conflicts);
    }

    private static string? Pick(string? ancestor, string current, string incoming, string field, List<string> conflicts)
    {
        if (incoming == current || incoming == ancestor)
        {
            return current;
        }

        if (ancestor is not null && current == ancestor)
        {
            return incoming;
        }

        conflicts.Add(field);
        return current;
    }

    private static double MergeImportance(double? ancestor, double current, double incoming) =>
        incoming == ancestor ? current : current == ancestor ? incoming : Math.Max(current, incoming);

    /// <summary>A JSON value that may be absent: null stands for "no such field", a Json null for the value null.</summary>
    private sealed record Slot(JsonElement Element);

    private static Slot? Optional(JsonElement? element) => element is { } e ? new Slot(e) : null;

    private static bool Same(Slot? a, Slot? b) => (a is null && b is null) || (a is not null && b is not null && JsonElement.DeepEquals(a.Element, b.Element));

    /// <param name="ancestorKnown">False when the version the write was made from is unknown: then only equal changes merge.</param>
    /// <param name="ancestor">The ancestor's value, null when it had none.</param>
    /// <param name="current">The current value, null when absent.</param>
    /// <param name="incoming">The written value, null when absent.</param>
    /// <param name="path">The field's name, for a conflict.</param>
    /// <param name="conflicts">Where conflicting fields are added.</param>
    private static Slot? MergeJson(bool ancestorKnown, Slot? ancestor, Slot? current, Slot? incoming, string path, List<string> conflicts)
    {
        if (Same(current, incoming) || (ancestorKnown && Same(incoming, ancestor)))
        {
            return current;
        }

        if (ancestorKnown && Same(current, ancestor))
        {
            return incoming;
        }

        if (current is { Element.ValueKind: JsonValueKind.Object } c && incoming is { Element.ValueKind: JsonValueKind.Object } i
            && ancestor is null or { Element.ValueKind: JsonValueKind.Object })
        {
            return new Slot(MergeObjects(ancestorKnown, ancestor?.Element, c.Element, i.Element, path, conflicts));
        }

        conflicts.Add(path);
        return current;
    }

    private static JsonElement MergeObjects(bool ancestorKnown, JsonElement? ancestor, JsonElement current, JsonElement incoming, string path, List<string> conflicts)
    {
        var names = current.EnumerateObject().Select(p => p.Name).Union(incoming.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var name in names)
            {
                var merged = MergeJson(ancestorKnown, Property(ancestor, name), Property(current, name), Property(incoming, name), $"{path}.{name}", conflicts);
                if (merged is not null)
                {
                    writer.WritePropertyName(name);
                    merged.Element.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static Slot? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? new Slot(value) : null;
}
