using Mnemo.Core.Coordination;
using Mnemo.Core.Errors;
using Mnemo.Core.Time;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>
    /// Acquires a leased lock on a key or key prefix for the engine's agent (<see cref="MnemoOptions.Agent"/>), waiting
    /// up to <paramref name="timeout"/> while another holder has an incompatible lock on an overlapping resource.
    /// </summary>
    /// <param name="resource">A key, or (with <paramref name="isPrefix"/>) the start of keys such as <c>project/</c>.</param>
    /// <param name="mode">Exclusive (one holder; the default) or shared (many shared holders, no exclusive one).</param>
    /// <param name="isPrefix">True to lock every key that starts with <paramref name="resource"/>.</param>
    /// <param name="lease">How long the lock lasts unless renewed, 1 s..1 day; default <see cref="LockDefaults.Lease"/>.</param>
    /// <param name="timeout">How long to wait for a held lock, 0 (try once)..1 day; default <see cref="LockDefaults.AcquireTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lease; its <see cref="LockLease.Token"/> is the fencing token writes under the lock carry.</returns>
    /// <remarks>
    /// Locks are not re-entrant: a second acquire of an exclusive lock the agent already holds waits like any other.
    /// Waiting polls the store with a short randomised backoff, so waiters in other processes are served too.
    /// </remarks>
    /// <exception cref="MnemoException">
    /// <see cref="MnemoErrorCode.LockTimeout"/>, naming the holder and its lease end (not its token); <see cref="MnemoErrorCode.AccessDenied"/>
    /// when access rules deny the agent read (shared) or write (exclusive) on the resource.
    /// </exception>
    public async Task<LockLease> AcquireLockAsync(
        string resource, LockMode mode = LockMode.Exclusive, bool isPrefix = false, TimeSpan? lease = null, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        LockResource.Validate(resource, isPrefix);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"lock mode {mode} is unknown: use Shared or Exclusive");
        }

        var leaseTime = CheckLease(lease ?? LockDefaults.Lease, nameof(lease));
        var wait = timeout ?? LockDefaults.AcquireTimeout;
        if (wait < TimeSpan.Zero || wait > LockDefaults.MaxLease)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), wait,
                $"acquire timeout {wait} is outside 0..{LockDefaults.MaxLease.TotalDays:0} day: give e.g. 10s, or 0 to try once");
        }

        ThrowIfDisposed();

        // Locking is a kind of access: a shared (reader) lock needs read on the resource, an exclusive (writer) lock write.
        await DemandAsync(resource, mode == LockMode.Shared ? AccessRight.Read : AccessRight.Write, cancellationToken).ConfigureAwait(false);
        var request = new LockRequest(resource, isPrefix, mode, Agent, LockOwner, leaseTime);
        var started = _clock.GetTimestamp();
        var backoff = LockDefaults.FirstBackoff;
        while (true)
        {
            var attempt = await _store.TryAcquireLockAsync(request, Now(), cancellationToken).ConfigureAwait(false);
            if (attempt.Lease is { } granted)
            {
                return granted;
            }

            var left = wait - _clock.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw TimedOut(resource, isPrefix, wait, attempt.Holder!);
            }

            // Jitter keeps waiters in different processes from retrying in step and colliding again.
            var pause = backoff * (0.5 + Random.Shared.NextDouble());
            await Task.Delay(pause < left ? pause : left, _clock, cancellationToken).ConfigureAwait(false);
            backoff = backoff * 2 < LockDefaults.MaxBackoff ? backoff * 2 : LockDefaults.MaxBackoff;
        }
    }

    /// <summary>Extends a live lease of the engine's agent to <paramref name="lease"/> from now and returns it.</summary>
    /// <param name="token">The lock's fencing token.</param>
    /// <param name="lease">The new lease from now, 1 s..1 day; default <see cref="LockDefaults.Lease"/>.</param>
    /// <param name="cancellationToken">Cancels the renewal.</param>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.LockNotHeld"/>: the lease ended, was released, or is another agent's.</exception>
    public async Task<LockLease> RenewLockAsync(long token, TimeSpan? lease = null, CancellationToken cancellationToken = default)
    {
        CheckToken(token);
        var leaseTime = CheckLease(lease ?? LockDefaults.Lease, nameof(lease));
        ThrowIfDisposed();
        var now = Now();
        return await _store.RenewLockAsync(token, LockOwner, Timestamps.Truncate(now + leaseTime), now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases a live lease of the engine's agent and returns it.</summary>
    /// <param name="token">The lock's fencing token.</param>
    /// <param name="cancellationToken">Cancels the release.</param>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.LockNotHeld"/>: the lease ended, was released, or is another agent's.</exception>
    public async Task<LockLease> ReleaseLockAsync(long token, CancellationToken cancellationToken = default)
    {
        CheckToken(token);
        ThrowIfDisposed();
        return await _store.ReleaseLockAsync(token, LockOwner, Now(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The live locks whose resource starts with <paramref name="prefix"/> ("" for all), by token: those the engine's
    /// agent holds or may read keys under (<see cref="AccessVisibility.CanSeeLock"/>).
    /// </summary>
    public async Task<IReadOnlyList<LockLease>> ListLocksAsync(string prefix = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ThrowIfDisposed();
        var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
        var locks = await _store.ListLocksAsync(prefix, Now(), cancellationToken).ConfigureAwait(false);
        return rules.IsOpen ? locks : locks.Where(lease => rules.CanSeeLock(Agent, lease)).ToList();
    }

    /// <summary>
    /// Who may renew and release a lock: its agent. A lock has to outlive the process that took it (the CLI acquires in
    /// one process and releases in another), so the owner cannot be a process or engine id; the agent name plus the
    /// token is what a later process can present. Locks taken without an agent are owned by "" and can be renewed and
    /// released by any caller without an agent that has the token, never by a named agent.
    /// </summary>
    private string LockOwner => Agent ?? "";

    /// <summary>A fencing token as this engine's agent presents it to the store.</summary>
    private Fence? FenceOf(long? fencingToken) => fencingToken is { } token ? new Fence(token, LockOwner) : null;

    private static TimeSpan CheckLease(TimeSpan lease, string paramName) =>
        lease >= LockDefaults.MinLease && lease <= LockDefaults.MaxLease
            ? lease
            : throw new ArgumentOutOfRangeException(paramName, lease,
                $"lease {lease} is outside {LockDefaults.MinLease.TotalSeconds:0}s..{LockDefaults.MaxLease.TotalDays:0} day: give e.g. 30s, 5m or 1h");

    private static void CheckToken(long token)
    {
        if (token < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(token), token, $"lock token {token} is not positive: pass the token the lock's acquisition returned");
        }
    }

    private static MnemoException TimedOut(string resource, bool isPrefix, TimeSpan waited, LockLease holder) =>
        MnemoErrors.LockTimeout(resource, isPrefix, waited, holder);
}
