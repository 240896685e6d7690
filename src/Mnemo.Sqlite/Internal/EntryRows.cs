using System.Text.Json;
using Microsoft.Data.Sqlite;
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

    public static ChangeKind ReadChange(SqliteDataReader row) => (ChangeKind)row.GetInt32(Op);

    public static long ReadVersion(SqliteDataReader row) => row.GetInt64(Version);

    public static DateTimeOffset ReadUpdatedAt(SqliteDataReader row) => Timestamps.FromUnixMs(row.GetInt64(UpdatedAt));

    public static string? ReadAgent(SqliteDataReader row) => row.IsDBNull(Agent) ? null : row.GetString(Agent);

    /// <summary>Maps a row of a put version to an entry (the caller checks <see cref="ReadChange"/> first).</summary>
    public static MemoryEntry Read(SqliteDataReader row)
    {
        var payload = row.IsDBNull(Payload)
            ? ContentCodec.Decompress((byte[])row[SharedData], row.GetInt32(SharedCodec), row.GetInt64(SharedRawSize))
            : (byte[])row[Payload];
        var (text, value) = ContentCodec.Decode(payload);
        return new MemoryEntry
        {
            Key = row.GetString(Key),
            Text = text,
            Value = value,
            Kind = row.GetString(Kind),
            Tags = row.IsDBNull(Tags) ? [] : ParseTags(row.GetString(Tags)),
            Metadata = row.IsDBNull(Metadata) ? null : ParseJson(row.GetString(Metadata)),
            Importance = row.GetDouble(Importance),
            Agent = ReadAgent(row),
            Version = row.GetInt64(Version),
            CreatedAt = Timestamps.FromUnixMs(row.GetInt64(CreatedAt)),
            UpdatedAt = Timestamps.FromUnixMs(row.GetInt64(UpdatedAt)),
            AccessedAt = row.IsDBNull(AccessedAt) ? null : Timestamps.FromUnixMs(row.GetInt64(AccessedAt)),
            AccessCount = row.GetInt64(AccessCount),
            ExpiresAt = row.IsDBNull(ExpiresAt) ? null : Timestamps.FromUnixMs(row.GetInt64(ExpiresAt)),
            ContentHash = Convert.ToHexStringLower((byte[])row[Hash]),
            Sequence = row.GetInt64(Seq),
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
