using Mnemo.Core;
using Mnemo.Core.Coordination;
using Mnemo.Core.Storage;
using Mnemo.Core.Time;
using Mnemo.Sqlite.Internal;

namespace Mnemo.Sqlite;

internal sealed partial class SqliteMemoryStore
{
    /// <inheritdoc />
    public ValueTask<ConflictPolicy> GetConflictPolicyAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(Read(connection => connection.Statement("""
                SELECT policy FROM policies WHERE substr($key, 1, length(prefix)) = prefix ORDER BY length(prefix) DESC LIMIT 1
                """)
            .Bind("$key", key).One(row => (ConflictPolicy)row.Int(0), ConflictPolicy.LastWriteWins)));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ConflictPolicyRule>> ListConflictPoliciesAsync(CancellationToken cancellationToken = default) =>
        new(Read<IReadOnlyList<ConflictPolicyRule>>(connection => connection.Statement("SELECT prefix, policy, set_by, set_at FROM policies ORDER BY prefix")
            .All(row => new ConflictPolicyRule(row.Text(0), (ConflictPolicy)row.Int(1), row.NullableText(2), Timestamps.FromUnixMs(row.Long(3))))));

    /// <inheritdoc />
    public ValueTask SetConflictPolicyAsync(string prefix, ConflictPolicy? policy, string? agent, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var at = Timestamps.ToUnixMs(now);
        return new(WriteAsync(connection =>
        {
            if (policy is { } set)
            {
                connection.Statement("""
                        INSERT INTO policies (prefix, policy, set_by, set_at) VALUES ($prefix, $policy, $by, $at)
                        ON CONFLICT (prefix) DO UPDATE SET policy = excluded.policy, set_by = excluded.set_by, set_at = excluded.set_at
                        """)
                    .Bind("$prefix", prefix).Bind("$policy", (int)set).Bind("$by", agent).Bind("$at", at).Execute();
            }
            else
            {
                connection.Statement("DELETE FROM policies WHERE prefix = $prefix").Bind("$prefix", prefix).Execute();
            }

            return AppendEvent(connection, FeedEventType.PolicyChanged, prefix, agent, EventDetail.Of(("policy", policy is { } p ? ConflictPolicies.Name(p) : null)), at);
        }, cancellationToken).AsTask());
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Sibling>> ListSiblingsAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return new(Read<IReadOnlyList<Sibling>>(connection => connection.Statement("""
                SELECT id, key, base_version, payload, kind, tags, metadata, importance, agent, session, created_at FROM siblings
                WHERE substr(key, 1, length($prefix)) = $prefix ORDER BY key, id
                """)
            .Bind("$prefix", prefix)
            .All(row =>
            {
                var (text, value) = ContentCodec.Decode(row.BlobSpan(3));
                return new Sibling(row.Long(0), row.Text(1), row.Long(2), text, value, row.Text(4), row.IsNull(5) ? [] : EntryRows.ParseTags(row.Text(5)),
                    row.IsNull(6) ? null : EntryRows.ParseJson(row.Text(6)), row.Double(7), row.NullableText(8), row.NullableText(9),
                    Timestamps.FromUnixMs(row.Long(10)));
            })));
    }

    /// <inheritdoc />
    public ValueTask<int> DiscardSiblingsAsync(string key, long? expectedVersion, string? agent, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = Timestamps.ToUnixMs(now);
        return WriteAsync(connection =>
        {
            var current = CurrentState.Read(connection, key, at);
            var version = current is { IsLive: true } live ? live.Version : 0;
            if (expectedVersion is { } expected && expected != version)
            {
                throw new MnemoConflictException(key, expected, version);
            }

            var discarded = connection.Statement("DELETE FROM siblings WHERE key = $key").Bind("$key", key).Execute();
            if (discarded > 0)
            {
                AppendEvent(connection, FeedEventType.ConflictDetected, key, agent,
                    EventDetail.Of(("outcome", "resolved"), ("kept", "current"), ("version", version), ("discarded", discarded)), at);
            }

            return discarded;
        }, cancellationToken);
    }

    /// <summary>Keeps a write as a sibling of the current entry (manual policy), inside the write's transaction.</summary>
    private static void KeepSibling(StoreConnection connection, PreparedWrite write, long baseVersion, long nowMs) =>
        connection.Statement("""
                INSERT INTO siblings (key, base_version, payload, kind, tags, metadata, importance, agent, session, created_at)
                VALUES ($key, $base, $payload, $kind, $tags, $metadata, $importance, $agent, $session, $at)
                """)
            .Bind("$key", write.Key).Bind("$base", baseVersion).Bind("$payload", write.Payload).Bind("$kind", write.Kind)
            .Bind("$tags", EntryRows.FormatTags(write.Tags)).Bind("$metadata", write.Metadata?.GetRawText()).Bind("$importance", write.Importance)
            .Bind("$agent", write.Agent).Bind("$session", write.Session).Bind("$at", nowMs).Execute();

    private static MemoryEntry? ReadCurrentEntry(StoreConnection connection, string key) =>
        connection.Statement(SelectByKey).Bind("$key", key).One(ReadPut, null);
}
