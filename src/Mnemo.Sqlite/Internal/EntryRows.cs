using System.Text.Json;
using Mnemo.Core.Entries;
using Mnemo.Core.Storage;
using Mnemo.Core.Time;

namespace Mnemo.Sqlite.Internal;

/// <summary>The column list shared by queries over entries and versions, and the mapping of its rows to entries.</summary>
internal static class EntryRows
{
    /// <summary>Columns of <c>entries e LEFT JOIN contents c</c>, in the order <see cref="Read"/> expects.</summary>
    public const string EntryColumns = """
        e.key, e.version, e.seq, e.op, e.payload, c.data, c.codec, c.raw_size, e.hash, e.kind, e.tags, e.metadata,
        e.importance, e.agent, e.created_at, e.updated_at, e.accessed_at, e.access_count, e.expires_at
        """;

    /// <summary>The same columns from <c>versions e LEFT JOIN contents c</c> (versions keep no access statistics).</summary>
    public const string VersionColumns = """
        e.key, e.version, e.seq, e.op, e.payload, c.data, c.codec, c.raw_size, e.hash, e.kind, e.tags, e.metadata,
        e.importance, e.agent, e.created_at, e.updated_at, NULL, 0, e.expires_at
        """;

    /// <summary>Every version of one key, entries and versions together, for history and point-in-time reads.</summary>
    public const string AllVersionsOfKey = $"""
        SELECT {VersionColumns} FROM versions e LEFT JOIN contents c ON c.id = e.content_id WHERE e.key = $key
        UNION ALL
        SELECT {EntryColumns} FROM entries e LEFT JOIN contents c ON c.id = e.content_id WHERE e.key = $key
        """;

    private const int Key = 0, Version = 1, Seq = 2, Op = 3, Payload = 4, SharedData = 5, SharedCodec = 6, SharedRawSize = 7,
        Hash = 8, Kind = 9, Tags = 10, Metadata = 11, Importance = 12, Agent = 13, CreatedAt = 14, UpdatedAt = 15,
        AccessedAt = 16, AccessCount = 17, ExpiresAt = 18;

    public static ChangeKind ReadChange(RawStatement row) => (ChangeKind)row.Int(Op);

    public static long ReadVersion(RawStatement row) => row.Long(Version);

    public static DateTimeOffset ReadUpdatedAt(RawStatement row) => Timestamps.FromUnixMs(row.Long(UpdatedAt));

    public static string? ReadAgent(RawStatement row) => row.NullableText(Agent);

    /// <summary>Maps a row of a put version to an entry (the caller checks <see cref="ReadChange"/> first).</summary>
    public static MemoryEntry Read(RawStatement row)
    {
        var (text, value) = row.IsNull(Payload)
            ? ContentCodec.Decode(ContentCodec.Decompress(row.Blob(SharedData), row.Int(SharedCodec), row.Long(SharedRawSize)))
            : ContentCodec.Decode(row.BlobSpan(Payload));
        return new MemoryEntry
        {
            Key = row.Text(Key),
            Text = text,
            Value = value,
            Kind = row.Text(Kind),
            Tags = row.IsNull(Tags) ? [] : ParseTags(row.Text(Tags)),
            Metadata = row.IsNull(Metadata) ? null : ParseJson(row.Text(Metadata)),
            Importance = row.Double(Importance),
            Agent = ReadAgent(row),
            Version = row.Long(Version),
            CreatedAt = Timestamps.FromUnixMs(row.Long(CreatedAt)),
            UpdatedAt = Timestamps.FromUnixMs(row.Long(UpdatedAt)),
            AccessedAt = row.IsNull(AccessedAt) ? null : Timestamps.FromUnixMs(row.Long(AccessedAt)),
            AccessCount = row.Long(AccessCount),
            ExpiresAt = row.IsNull(ExpiresAt) ? null : Timestamps.FromUnixMs(row.Long(ExpiresAt)),
            ContentHash = Convert.ToHexStringLower(row.BlobSpan(Hash)),
            Sequence = row.Long(Seq),
        };
    }

    /// <summary>Tags as stored: a JSON array of strings, or null when there are none.</summary>
    public static string? FormatTags(IReadOnlyList<string> tags)
    {
        if (tags.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var tag in tags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string[] ParseTags(string json)
    {
        using var document = JsonDocument.Parse(json);
        var tags = new string[document.RootElement.GetArrayLength()];
        var i = 0;
        foreach (var tag in document.RootElement.EnumerateArray())
        {
            tags[i++] = tag.GetString()!;
        }

        return tags;
    }

    private static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
