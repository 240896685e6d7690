using Mnemo.Core.Learning.Prediction;
using Mnemo.Core.Time;

namespace Mnemo.Sqlite;

internal sealed partial class SqliteMemoryStore
{
    /// <inheritdoc />
    public ValueTask<ActionRecord> AppendActionAsync(ActionRecord action, int keepCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfLessThan(keepCount, 1);
        return WriteAsync(connection =>
        {
            var id = connection.Statement("""
                INSERT INTO actions (at, agent, session, source, action, pid) VALUES ($at, $agent, $session, $source, $action, $pid)
                RETURNING id
                """)
                .Bind("$at", Timestamps.ToUnixMs(action.At)).Bind("$agent", action.Agent).Bind("$session", action.Session)
                .Bind("$source", ActionNames.SourceName(action.Source)).Bind("$action", action.Action).Bind("$pid", action.ProcessId)
                .One(row => row.Long(0), 0L);

            // By id, not time, as the metrics history: the newest keepCount inserted stay whatever the processes' clocks.
            // Only when the log is over its bound, which the id tells without counting rows (ids only grow).
            if (id > keepCount)
            {
                connection.Statement("DELETE FROM actions WHERE id <= $oldest").Bind("$oldest", id - keepCount).Execute();
            }

            return action with { Id = id };
        }, cancellationToken, foldOnClose: false);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ActionRecord>> GetActionsAsync(
        DateTimeOffset? since = null, string? agent = null, string? session = null, CancellationToken cancellationToken = default) =>
        new(Read<IReadOnlyList<ActionRecord>>(connection => connection.Statement("""
                SELECT id, at, agent, session, source, action, pid FROM actions
                WHERE ($since IS NULL OR at >= $since) AND ($agent IS NULL OR agent = $agent) AND ($session IS NULL OR session = $session)
                ORDER BY at, id
                """)
            .Bind("$since", since is { } time ? Timestamps.ToUnixMs(time) : (long?)null).Bind("$agent", agent).Bind("$session", session)
            .All(row => new ActionRecord(
                row.Long(0), Timestamps.FromUnixMs(row.Long(1)), row.NullableText(2), row.NullableText(3),
                ActionNames.ParseSource(row.Text(4)), row.Text(5), row.Int(6)))));
}
