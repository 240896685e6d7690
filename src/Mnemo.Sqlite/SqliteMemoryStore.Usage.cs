using System.Text;
using Mnemo.Core;
using Mnemo.Core.Storage;
using Mnemo.Sqlite.Internal;

namespace Mnemo.Sqlite;

internal sealed partial class SqliteMemoryStore
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StorageUsage>> GetUsageAsync(CancellationToken cancellationToken = default) =>
        new(Read<IReadOnlyList<StorageUsage>>(connection => connection.Statement("SELECT scope, bytes FROM usage WHERE bytes > 0 ORDER BY scope")
            .All(row => StorageUsage.FromScope(row.Text(0), row.Long(1)))));

    /// <summary>
    /// Moves the bytes of the replaced version from its writer's agent and session to the new write's, inside the write's
    /// transaction, and fails the write when it takes an agent or session that grows beyond its quota. The agent charged
    /// for a version is its importer when an import wrote it (<see cref="PreparedWrite.ChargedAgent"/>), else its agent.
    /// </summary>
    private static void CountUsage(StoreConnection connection, CurrentState? current, PreparedWrite? write, Quotas quotas)
    {
        var old = current is { Op: (int)ChangeKind.Put } replaced ? replaced : (CurrentState?)null;
        var size = write is null ? 0 : write.Payload.Length + (write.Metadata is { } m ? Encoding.UTF8.GetByteCount(m.GetRawText()) : 0);
        Move(StorageUsage.AgentScope, old?.ChargedAgent, write?.ChargedAgent, quotas.AgentBytes, "agent");
        Move(StorageUsage.SessionScope, old?.Session, write?.Session, quotas.SessionBytes, "session");

        void Move(string scopePrefix, string? from, string? to, long quota, string what)
        {
            if (from is not null && old is { Size: > 0 } o)
            {
                Add(connection, scopePrefix + from, -o.Size);
            }

            if (to is null || size == 0)
            {
                return;
            }

            var total = Add(connection, scopePrefix + to, size);
            var growth = size - (from == to ? old?.Size ?? 0 : 0);
            if (growth > 0 && total > quota)
            {
                throw SqliteErrors.QuotaExceeded(what, to, total, write!.Key, size, quota);
            }
        }
    }

    private static long Add(StoreConnection connection, string scope, long delta) => connection.Statement("""
            INSERT INTO usage (scope, bytes) VALUES ($scope, $delta) ON CONFLICT (scope) DO UPDATE SET bytes = bytes + excluded.bytes
            RETURNING bytes
            """)
        .Bind("$scope", scope).Bind("$delta", delta).One(row => row.Long(0), 0L);

    /// <summary>The quotas a write is checked against.</summary>
    private readonly record struct Quotas(long AgentBytes, long SessionBytes)
    {
        public static readonly Quotas None = new(long.MaxValue, long.MaxValue);
    }
}
