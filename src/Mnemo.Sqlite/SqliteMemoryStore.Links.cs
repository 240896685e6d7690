using Mnemo.Core;
using Mnemo.Core.Time;
using Mnemo.Sqlite.Internal;

namespace Mnemo.Sqlite;

internal sealed partial class SqliteMemoryStore
{
    private const string LinkColumns = "from_key, to_key, relation, weight, agent, created_at";

    // The primary key is (from, relation, to): linking the same ends with the same relation again replaces the link.
    private const string UpsertLink = $"""
        INSERT INTO links ({LinkColumns}) VALUES ($from, $to, $relation, $weight, $agent, $created_at)
        ON CONFLICT (from_key, relation, to_key) DO UPDATE SET weight = excluded.weight, agent = excluded.agent, created_at = excluded.created_at
        """;

    /// <inheritdoc />
    public ValueTask<bool> PutLinkAsync(MemoryLink link, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        return WriteAsync(connection =>
        {
            foreach (var key in (ReadOnlySpan<string>)[link.From, link.To])
            {
                var live = connection.Statement($"SELECT 1 FROM entries e JOIN versions v ON v.seq = e.seq WHERE e.key = $key AND {LiveAt}")
                    .Bind("$key", key).Bind("$now", Timestamps.ToUnixMs(now)).One(_ => true, false);
                if (!live)
                {
                    MnemoException.ThrowNotFound(key);
                }
            }

            var existed = connection.Statement("SELECT 1 FROM links WHERE from_key = $from AND relation = $relation AND to_key = $to")
                .Bind("$from", link.From).Bind("$relation", link.Relation).Bind("$to", link.To).One(_ => true, false);
            Upsert(connection, link);
            return !existed;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask PutLinksAsync(IReadOnlyList<MemoryLink> links, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(links);
        await WriteAsync(connection =>
        {
            foreach (var link in links)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Upsert(connection, link);
            }

            return links.Count;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<MemoryLink> ExportLinksAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ExportRows($"""
            SELECT {LinkColumns} FROM links l
            WHERE EXISTS (SELECT 1 FROM entries e JOIN versions v ON v.seq = e.seq WHERE e.key = l.from_key AND {LiveAt})
              AND EXISTS (SELECT 1 FROM entries e JOIN versions v ON v.seq = e.seq WHERE e.key = l.to_key AND {LiveAt})
            ORDER BY l.from_key, l.relation, l.to_key
            """, now, ReadLink, cancellationToken).ToAsyncEnumerable();

    /// <inheritdoc />
    public ValueTask<int> RemoveLinksAsync(string from, string to, string? relation, CancellationToken cancellationToken = default) =>
        WriteAsync(connection => connection
            .Statement("DELETE FROM links WHERE from_key = $from AND to_key = $to AND ($relation IS NULL OR relation = $relation)")
            .Bind("$from", from).Bind("$to", to).Bind("$relation", relation).Execute(), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MemoryLink>> GetLinksAsync(
        IReadOnlyList<string> keys, LinkDirection direction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return new([]);
        }

        return new(Read<IReadOnlyList<MemoryLink>>(connection =>
        {
            var json = EntryRows.FormatTags(keys);
            var links = new List<MemoryLink>();
            if (direction != LinkDirection.Incoming)
            {
                links.AddRange(connection.Statement($"SELECT {LinkColumns} FROM links WHERE from_key IN (SELECT value FROM json_each($keys)) ORDER BY from_key, relation, to_key")
                    .Bind("$keys", json).All(ReadLink));
            }

            if (direction != LinkDirection.Outgoing)
            {
                links.AddRange(connection.Statement($"SELECT {LinkColumns} FROM links WHERE to_key IN (SELECT value FROM json_each($keys)) ORDER BY to_key, relation, from_key")
                    .Bind("$keys", json).All(ReadLink));
            }

            return links;
        }));
    }

    private static void Upsert(StoreConnection connection, MemoryLink link) =>
        connection.Statement(UpsertLink)
            .Bind("$from", link.From).Bind("$to", link.To).Bind("$relation", link.Relation).Bind("$weight", link.Weight)
            .Bind("$agent", link.Agent).Bind("$created_at", Timestamps.ToUnixMs(link.CreatedAt)).Execute();

    private static MemoryLink ReadLink(RawStatement row) =>
        new(row.Text(0), row.Text(1), row.Text(2), row.Double(3), row.NullableText(4), Timestamps.FromUnixMs(row.Long(5)));
}
