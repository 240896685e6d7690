using System.Text.Json;
using Mnemo.Core.Coordination;
using Mnemo.Core.Time;
using Mnemo.Sqlite.Internal;

namespace Mnemo.Sqlite;

internal sealed partial class SqliteMemoryStore
{
    // Entry versions and stored events, each side limited before merging so that a page costs two short range scans.
    private const string SelectFeed = """
        SELECT seq, type, key, agent, at, version, detail FROM (
            SELECT seq, CASE op WHEN 0 THEN 1 WHEN 4 THEN 7 ELSE 2 END AS type, key, agent, updated_at AS at, version,
                   json_object('change', CASE op WHEN 0 THEN 'put' WHEN 1 THEN 'delete' WHEN 2 THEN 'expire' WHEN 3 THEN 'evict' ELSE 'restore' END,
                               'session', session) AS detail
            FROM versions WHERE seq > $after AND ($prefix = '' OR substr(key, 1, length($prefix)) = $prefix) ORDER BY seq LIMIT $limit)
        UNION ALL
        SELECT seq, type, key, agent, at, version, detail FROM (
            SELECT seq, type, coalesce(key, '') AS key, agent, at, NULL AS version, detail
            FROM events WHERE seq > $after AND ($prefix = '' OR substr(key, 1, length($prefix)) = $prefix) ORDER BY seq LIMIT $limit)
        ORDER BY seq LIMIT $limit
        """;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<FeedEvent>> ReadFeedAsync(long afterSequence, string prefix, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return new(Read<IReadOnlyList<FeedEvent>>(connection => connection.Statement(SelectFeed)
            .Bind("$after", afterSequence).Bind("$prefix", prefix).Bind("$limit", limit)
            .All(row => new FeedEvent(row.Long(0), (FeedEventType)row.Int(1), row.Text(2), row.NullableText(3), Timestamps.FromUnixMs(row.Long(4)),
                row.IsNull(5) ? null : row.Long(5), row.IsNull(6) ? null : ParseDetail(row.Text(6))))));
    }

    /// <inheritdoc />
    public ValueTask<long> AppendEventAsync(
        FeedEventType type, string key, string? agent, string? detailJson, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (type is FeedEventType.MemoryUpdated or FeedEventType.MemoryDeleted)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "entry changes are recorded by the writes themselves");
        }

        return WriteAsync(connection => AppendEvent(connection, type, key, agent, detailJson, Timestamps.ToUnixMs(now)), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<long> TrimFeedAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        WriteAsync<long>(connection => connection.Statement("DELETE FROM events WHERE at < $before")
            .Bind("$before", Timestamps.ToUnixMs(before)).Execute(), cancellationToken);

    /// <inheritdoc />
    public ValueTask<long> GetFeedHeadAsync(CancellationToken cancellationToken = default) =>
        new(Read(connection => connection.HighestSequence()));

    /// <summary>Appends an event inside the caller's write transaction; returns its sequence number.</summary>
    internal static long AppendEvent(StoreConnection connection, FeedEventType type, string key, string? agent, string? detailJson, long atMs)
    {
        var seq = connection.NextSequence();
        connection.Statement("INSERT INTO events (seq, type, key, agent, at, detail) VALUES ($seq, $type, $key, $agent, $at, $detail)")
            .Bind("$seq", seq).Bind("$type", (int)type).Bind("$key", key).Bind("$agent", agent).Bind("$at", atMs).Bind("$detail", detailJson)
            .Execute();
        return seq;
    }

    private static JsonElement ParseDetail(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
