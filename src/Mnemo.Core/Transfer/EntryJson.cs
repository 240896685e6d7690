using System.Text.Json;
using Mnemo.Core.Time;

namespace Mnemo.Core.Transfer;

/// <summary>The JSON shape of an entry, shared by <c>--json</c> output and JSONL export.</summary>
/// <remarks>
/// Field names are snake_case and always present (null when empty), times are ISO 8601 UTC with milliseconds.
/// Written with <see cref="Utf8JsonWriter"/> directly, so no reflection is needed (the CLI is AOT-compatible).
/// </remarks>
public static class EntryJson
{
    /// <summary>Writes an entry as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, MemoryEntry entry)
    {
        writer.WriteStartObject();
        WriteFields(writer, entry);
        writer.WriteEndObject();
    }

    /// <summary>Writes an entry's fields into an object the caller has opened.</summary>
    public static void WriteFields(Utf8JsonWriter writer, MemoryEntry entry)
    {
        writer.WriteString("key", entry.Key);
        writer.WriteString("namespace", entry.Namespace);
        writer.WriteString("text", entry.Text);
        WriteJson(writer, "value", entry.Value);
        writer.WriteString("kind", entry.Kind);
        writer.WriteStartArray("tags");
        foreach (var tag in entry.Tags)
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        WriteJson(writer, "metadata", entry.Metadata);
        writer.WriteNumber("importance", entry.Importance);
        WriteNullable(writer, "agent", entry.Agent);
        writer.WriteNumber("version", entry.Version);
        writer.WriteString("created_at", Timestamps.Format(entry.CreatedAt));
        writer.WriteString("updated_at", Timestamps.Format(entry.UpdatedAt));
        WriteTime(writer, "accessed_at", entry.AccessedAt);
        writer.WriteNumber("access_count", entry.AccessCount);
        WriteTime(writer, "expires_at", entry.ExpiresAt);
        writer.WriteString("content_hash", entry.ContentHash);
    }

    /// <summary>Writes one history step: version, change, time, agent and (for writes) the entry.</summary>
    public static void Write(Utf8JsonWriter writer, EntryVersion version)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", version.Version);
        writer.WriteString("change", ChangeName(version.Change));
        writer.WriteString("at", Timestamps.Format(version.At));
        WriteNullable(writer, "agent", version.Agent);
        WriteNullable(writer, "imported_by", version.ImportedBy);
        if (version.Entry is { } entry)
        {
            writer.WritePropertyName("entry");
            Write(writer, entry);
        }
        else
        {
            writer.WriteNull("entry");
        }

        writer.WriteEndObject();
    }

    /// <summary>The lower-case name of a change kind, as shown to users.</summary>
    public static string ChangeName(ChangeKind change) => change switch
    {
        ChangeKind.Put => "put",
        ChangeKind.Delete => "delete",
        ChangeKind.Expire => "expire",
        ChangeKind.Evict => "evict",
        ChangeKind.Restore => "restore",
        _ => change.ToString().ToLowerInvariant(),
    };

    private static void WriteJson(Utf8JsonWriter writer, string name, JsonElement? value)
    {
        if (value is { } element)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            writer.WriteString(name, Timestamps.Format(t));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
