using Mnemo.Core;
using Mnemo.Core.Coordination;
using Mnemo.Core.Storage;
using Mnemo.Core.Time;
using Mnemo.Sqlite.Internal;

namespace Mnemo.Sqlite;

internal sealed partial class SqliteMemoryStore
{
    private const string LockColumns = "token, resource, is_prefix, mode, agent, owner, acquired_at, expires_at";

    // Ended leases are deleted lazily by the next acquire, so every read of live locks also compares expires_at.
    private const string DeleteEndedLocks = $"DELETE FROM locks WHERE expires_at <= $now RETURNING {LockColumns}";

    // Overlap: equal resources, a prefix lock covering the requested resource, or a requested prefix covering the lock's
    // resource (which also covers two prefixes of which one starts with the other). Shared is compatible with shared only.
    // The lock whose lease ends last is the one to name: a waiter has to outlast it.
    private const string SelectConflictingLock = $"""
        SELECT {LockColumns} FROM locks
        WHERE expires_at > $now AND ($mode = 2 OR mode = 2)
          AND (resource = $resource
               OR (is_prefix = 1 AND substr($resource, 1, length(resource)) = resource)
               OR ($is_prefix = 1 AND substr(resource, 1, length($resource)) = $resource))
        ORDER BY expires_at DESC LIMIT 1
        """;

    private const string InsertLock = """
        INSERT INTO locks (resource, is_prefix, mode, agent, owner, acquired_at, expires_at)
        VALUES ($resource, $is_prefix, $mode, $agent, $owner, $acquired_at, $expires_at) RETURNING token
        """;

    private const string SelectLockByToken = $"SELECT {LockColumns} FROM locks WHERE token = $token";

    // The fencing check of writes without a token: this runs on every put, so it is one statement that touches nothing
    // when the locks table is empty (the common case) and scans only the few live locks otherwise.
    private const string SelectExclusiveCovering = $"""
        SELECT {LockColumns} FROM locks
        WHERE mode = 2 AND expires_at > $now
          AND (resource = $key OR (is_prefix = 1 AND substr($key, 1, length(resource)) = resource))
        LIMIT 1
        """;

    private const string SelectLiveLocks = $"""
        SELECT {LockColumns} FROM locks
        WHERE expires_at > $now AND ($prefix = '' OR substr(resource, 1, length($prefix)) = $prefix)
        ORDER BY token
        """;

    /// <inheritdoc />
    public ValueTask<LockAttempt> TryAcquireLockAsync(LockRequest request, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var nowMs = Timestamps.ToUnixMs(now);
        return WriteAsync(connection =>
        {
            ExpireEndedLocks(connection, nowMs);
            var holder = connection.Statement(SelectConflictingLock)
                .Bind("$now", nowMs).Bind("$mode", (int)request.Mode).Bind("$resource", request.Resource).Bind("$is_prefix", request.IsPrefix ? 1L : 0L)
                .One<LockLease?>(ReadLease, null);
            if (holder is not null)
            {
                return new LockAttempt(null, holder);
            }

            var expiresMs = nowMs + (long)request.Lease.TotalMilliseconds;
            var token = connection.Statement(InsertLock)
                .Bind("$resource", request.Resource).Bind("$is_prefix", request.IsPrefix ? 1L : 0L).Bind("$mode", (int)request.Mode)
                .Bind("$agent", request.Agent).Bind("$owner", request.Owner).Bind("$acquired_at", nowMs).Bind("$expires_at", expiresMs)
                .One(row => row.Long(0), 0L);
            var lease = new LockLease(token, request.Resource, request.IsPrefix, request.Mode, request.Agent, request.Owner,
                Timestamps.FromUnixMs(nowMs), Timestamps.FromUnixMs(expiresMs));
            AppendEvent(connection, FeedEventType.LockAcquired, lease.Resource, lease.Agent, LockDetail(lease, reason: null), nowMs);
            return new LockAttempt(lease, null);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<LockLease> RenewLockAsync(
        long token, string owner, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var nowMs = Timestamps.ToUnixMs(now);
        var expiresMs = Timestamps.ToUnixMs(expiresAt);
        var (lease, problem) = await WriteAsync(connection =>
        {
            if (FindHeldLock(connection, token, owner, "renew", nowMs) is { Problem: not null } refused)
            {
                return refused;
            }

            connection.Statement("UPDATE locks SET expires_at = $expires_at WHERE token = $token")
                .Bind("$expires_at", expiresMs).Bind("$token", token).Execute();
            return (connection.Statement(SelectLockByToken).Bind("$token", token).One<LockLease?>(ReadLease, null), (MnemoException?)null);
        }, cancellationToken).ConfigureAwait(false);

        // Thrown after the commit, so that a lease found ended is still taken back and recorded.
        return problem is null ? lease! : throw problem;
    }

    /// <inheritdoc />
    public async ValueTask<LockLease> ReleaseLockAsync(long token, string owner, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var nowMs = Timestamps.ToUnixMs(now);
        var (lease, problem) = await WriteAsync(connection =>
        {
            var held = FindHeldLock(connection, token, owner, "release", nowMs);
            if (held.Problem is null)
            {
                connection.Statement("DELETE FROM locks WHERE token = $token").Bind("$token", token).Execute();
                AppendEvent(connection, FeedEventType.LockReleased, held.Lease!.Resource, held.Lease.Agent, LockDetail(held.Lease, "released"), nowMs);
            }

            return held;
        }, cancellationToken).ConfigureAwait(false);
        return problem is null ? lease! : throw problem;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LockLease>> ListLocksAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return new(Read<IReadOnlyList<LockLease>>(connection => connection.Statement(SelectLiveLocks)
            .Bind("$now", Timestamps.ToUnixMs(now)).Bind("$prefix", prefix).All(ReadLease)));
    }

    /// <summary>
    /// The fencing check of a write or deletion, inside its transaction: a write carrying a fence needs its token to be a
    /// live exclusive lock covering the key, held by the writer; a write without one must not touch a key under a live
    /// exclusive lock.
    /// </summary>
    /// <remarks>
    /// Refusing token-less writes is what makes the lock protect anything: a holder whose lease ended (a long pause, a
    /// crash and restart) still believes it holds the lock, and only the store, which sees every write, can stop it.
    /// Refusals name the holder and the lease end but not the token, and the token is accepted only from its holder.
    /// </remarks>
    private static void CheckFence(StoreConnection connection, string key, Fence? fence, long nowMs)
    {
        if (fence is not { } presented)
        {
            if (connection.Statement(SelectExclusiveCovering).Bind("$now", nowMs).Bind("$key", key).One<LockLease?>(ReadLease, null) is { } holder)
            {
                throw SqliteErrors.LockedByOther(key, holder);
            }

            return;
        }

        var lease = connection.Statement(SelectLockByToken).Bind("$token", presented.Token).One<LockLease?>(ReadLease, null);
        if (lease is not null && lease.Owner != presented.Holder && Timestamps.ToUnixMs(lease.ExpiresAt) > nowMs)
        {
            var writer = presented.Holder.Length == 0 ? "a writer without an agent" : $"agent '{presented.Holder}'";
            throw SqliteErrors.TokenOfAnother(presented.Token, writer, key, lease);
        }

        var problem = lease switch
        {
            null => "its lock was released or its lease ended and was taken back",
            { } l when Timestamps.ToUnixMs(l.ExpiresAt) <= nowMs => $"its lease on '{l.Resource}' ended at {Timestamps.Format(l.ExpiresAt)}",
            { Mode: LockMode.Shared } l => $"it is a shared lock on '{l.Resource}', and writes need an exclusive one",
            { } l when !l.Covers(key) => $"it locks {(l.IsPrefix ? "the prefix" : "the key")} '{l.Resource}', which does not cover '{key}'",
            _ => null,
        };
        if (problem is not null)
        {
            throw SqliteErrors.StaleToken(presented.Token, key, problem);
        }
    }

    /// <summary>The fencing check of a removal: deletions are checked; expiry and eviction by maintenance are not.</summary>
    private static void CheckRemovalFence(StoreConnection connection, RemoveRequest request, ChangeKind reason, long nowMs)
    {
        if (reason == ChangeKind.Delete)
        {
            CheckFence(connection, request.Key, request.Fence, nowMs);
        }
    }

    /// <summary>Deletes every lease that has ended, recording each in the change feed.</summary>
    private static void ExpireEndedLocks(StoreConnection connection, long nowMs)
    {
        var ended = connection.Statement(DeleteEndedLocks).Bind("$now", nowMs).All(ReadLease);
        foreach (var lease in ended)
        {
            AppendEvent(connection, FeedEventType.LockReleased, lease.Resource, lease.Agent, LockDetail(lease, "expired"), nowMs);
        }
    }

    /// <summary>
    /// The live lease with <paramref name="token"/> when <paramref name="owner"/> holds it; otherwise why not. A lease
    /// found ended is taken back here (and recorded), since the caller's transaction commits either way.
    /// </summary>
    private static (LockLease? Lease, MnemoException? Problem) FindHeldLock(StoreConnection connection, long token, string owner, string verb, long nowMs)
    {
        var lease = connection.Statement(SelectLockByToken).Bind("$token", token).One<LockLease?>(ReadLease, null);
        if (lease is null)
        {
            return (null, SqliteErrors.LockGone(verb, token));
        }

        if (lease.Owner != owner)
        {
            var caller = owner.Length == 0 ? "a caller without an agent" : $"agent '{owner}'";
            return (null, SqliteErrors.LockOfAnother(verb, token, lease, caller));
        }

        if (Timestamps.ToUnixMs(lease.ExpiresAt) <= nowMs)
        {
            ExpireEndedLocks(connection, nowMs);
            return (null, SqliteErrors.LeaseEnded(verb, token, lease));
        }

        return (lease, null);
    }

    private static LockLease ReadLease(RawStatement row) => new(
        row.Long(0), row.Text(1), row.Long(2) != 0, (LockMode)row.Int(3), row.NullableText(4), row.Text(5),
        Timestamps.FromUnixMs(row.Long(6)), Timestamps.FromUnixMs(row.Long(7)));

    /// <summary>The change-feed detail of a lock event: token, mode, prefix flag, lease end, and for releases the reason.</summary>
    private static string LockDetail(LockLease lease, string? reason)
    {
        var mode = lease.Mode == LockMode.Exclusive ? "exclusive" : "shared";
        var expiresAt = Timestamps.ToUnixMs(lease.ExpiresAt);
        return reason is null
            ? EventDetail.Of(("token", lease.Token), ("mode", mode), ("prefix", lease.IsPrefix), ("expires_at", expiresAt))
            : EventDetail.Of(("token", lease.Token), ("mode", mode), ("prefix", lease.IsPrefix), ("expires_at", expiresAt), ("reason", reason));
    }
}
