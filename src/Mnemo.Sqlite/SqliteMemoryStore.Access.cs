using Mnemo.Core.Coordination;
using Mnemo.Core.Time;

namespace Mnemo.Sqlite;

internal sealed partial class SqliteMemoryStore
{
    private readonly Lock _accessLock = new();
    private AccessRules? _accessRules;
    private long _accessStamp = -1;
    private bool _accessRulesWritten; // set by a write transaction that changed the rules, under the write lock

    /// <inheritdoc />
    /// <remarks>
    /// Every operation asks for the rules, so they are kept here and reread only when the commit stamp (which moves on
    /// any commit of any process) has moved since; rereading is one scan of a table that holds a few rules.
    /// </remarks>
    public ValueTask<AccessRules> GetAccessRulesAsync(CancellationToken cancellationToken = default)
    {
        long stamp;
        lock (_pollLock)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            stamp = ReadCommitStamp();
        }

        lock (_accessLock)
        {
            if (_accessRules is { } cached && stamp == _accessStamp)
            {
                return new(cached);
            }
        }

        var rules = Read(connection => connection.Statement("SELECT agent, prefix, access, granted_by, granted_at FROM acl ORDER BY prefix, agent")
            .All(row => new AccessRule(row.Text(0), row.Text(1), (AccessRight)row.Int(2), row.NullableText(3), Timestamps.FromUnixMs(row.Long(4)))));
        var loaded = rules.Count == 0 ? AccessRules.Open : new AccessRules(rules);
        lock (_accessLock)
        {
            // The stamp was read before the rules, so a commit in between makes the next call read them again.
            _accessRules = loaded;
            _accessStamp = stamp;
        }

        return new(loaded);
    }

    /// <summary>
    /// After one of this store's own commits: the rules it holds stay valid when they were current just before the
    /// transaction and the transaction did not change them, so the store's own writes do not force a reread.
    /// </summary>
    private void KeepAccessRulesFresh(ulong? stampBefore)
    {
        var changed = _accessRulesWritten;
        _accessRulesWritten = false;
        lock (_accessLock)
        {
            if (changed || stampBefore is null || _walHeader is null)
            {
                _accessStamp = -1;
            }
            else if (_accessStamp == (long)stampBefore.Value)
            {
                _accessStamp = (long)_walHeader.CommitStamp();
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> PutAccessRuleAsync(AccessRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return WriteAsync(connection =>
        {
            var current = connection.Statement("SELECT access FROM acl WHERE agent = $agent AND prefix = $prefix")
                .Bind("$agent", rule.Agent).Bind("$prefix", rule.Prefix).One(row => (int?)row.Int(0), null);
            if (current == (int)rule.Right)
            {
                return false;
            }

            var at = Timestamps.ToUnixMs(rule.GrantedAt);
            _accessRulesWritten = true;
            connection.Statement("""
                    INSERT INTO acl (agent, prefix, access, granted_by, granted_at) VALUES ($agent, $prefix, $access, $by, $at)
                    ON CONFLICT (agent, prefix) DO UPDATE SET access = excluded.access, granted_by = excluded.granted_by, granted_at = excluded.granted_at
                    """)
                .Bind("$agent", rule.Agent).Bind("$prefix", rule.Prefix).Bind("$access", (int)rule.Right).Bind("$by", rule.GrantedBy).Bind("$at", at)
                .Execute();
            AppendEvent(connection, FeedEventType.AccessChanged, rule.Prefix, rule.GrantedBy,
                AccessDetail("grant", rule.Agent, rule.Right.ToString().ToLowerInvariant()), at);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAccessRuleAsync(string agent, string prefix, string? revokedBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(prefix);
        return WriteAsync(connection =>
        {
            if (connection.Statement("DELETE FROM acl WHERE agent = $agent AND prefix = $prefix").Bind("$agent", agent).Bind("$prefix", prefix).Execute() == 0)
            {
                return false;
            }

            _accessRulesWritten = true;
            AppendEvent(connection, FeedEventType.AccessChanged, prefix, revokedBy, AccessDetail("revoke", agent, null), Timestamps.ToUnixMs(now));
            return true;
        }, cancellationToken);
    }

    private static string AccessDetail(string change, string agent, string? right) =>
        EventDetail.Of(("change", change), ("agent", agent), ("right", right));
}
