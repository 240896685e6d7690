using System.Text.Json;
using Mnemo.Core;
using Mnemo.Core.Storage;
using Mnemo.Core.Time;

namespace Mnemo.Sqlite.Internal;

/// <summary>The column list shared by queries over entries and versions, and the mapping of its rows to entries.</summary>
internal static class EntryRows
{
    /// <summary>
    /// Columns of <c>versions v LEFT JOIN contents c</c>, in the order <see cref="Read"/> expects; the last two (read
    /// statistics) come from <c>access a</c> when the query joins it, else are NULL and 0.
    /// </summary>
    private const string VersionColumns = """
        v.key, v.version, v.seq, v.op, v.payload, c.data, c.codec, c.raw_size, v.hash, v.kind, v.tags, v.metadata,
        v.importance, v.agent, v.created_at, v.updated_at
        """;

    /// <summary>Current entries with their content and read statistics; add a WHERE clause on <c>e</c>.</summary>
    public const string SelectCurrent = $"""
        SELECT {VersionColumns}, a.accessed_at, coalesce(a.access_count, 0), v.expires_at
        FROM entries e JOIN versions v ON v.seq = e.seq LEFT JOIN access a ON a.key = e.key LEFT JOIN contents c ON c.id = v.content_id
        """;

    /// <summary>
    /// Every version of the key <c>$key</c>, found by following prev_seq links from its current version; one more column
    /// than <see cref="SelectCurrent"/>, the importer (<see cref="ReadImportedBy"/>).
    /// </summary>
    public const string SelectChain = $"""
        WITH RECURSIVE chain (seq) AS (
            SELECT seq FROM entries WHERE key = $key
            UNION ALL
            SELECT v.prev_seq FROM versions v JOIN chain ON v.seq = chain.seq WHERE v.prev_seq IS NOT NULL)
        SELECT {VersionColumns}, NULL AS accessed_at, 0 AS access_count, v.expires_at, v.imported_by
        FROM chain JOIN versions v ON v.seq = chain.seq LEFT JOIN contents c ON c.id = v.content_id
        """;

    private const int Key = 0, Version = 1, Seq = 2, Op = 3, Payload = 4, SharedData = 5, SharedCodec = 6, SharedRawSize = 7,
        Hash = 8, Kind = 9, Tags = 10, Metadata = 11, Importance = 12, Agent = 13, CreatedAt = 14, UpdatedAt = 15,
        AccessedAt = 16, AccessCount = 17, ExpiresAt = 18, ImportedBy = 19;

    public static ChangeKind ReadChange(RawStatement row) => (ChangeKind)row.Int(Op);

    public static long ReadVersion(RawStatement row) => row.Long(Version);

    public static long ReadSequence(RawStatement row) => row.Long(Seq);

    public static DateTimeOffset ReadUpdatedAt(RawStatement row) => Timestamps.FromUnixMs(row.Long(UpdatedAt));

    public static string? ReadAgent(RawStatement row) => row.NullableText(Agent);

    /// <summary>The agent whose import wrote the version; only rows of <see cref="SelectChain"/> have this column.</summary>
    public static string? ReadImportedBy(RawStatement row) => row.NullableText(ImportedBy);

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
            ContentHashBytes = row.Blob(Hash),
            Sequence = row.Long(Seq),
        };
    }

    /// <summary>Strings as a JSON array (tags as stored; lists bound to json_each), or null when there are none.</summary>
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

    public static string[] ParseTags(string json)
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

    public static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
