using Mnemo.Core.Coordination;

namespace Mnemo.Core.Storage;

public partial interface IMemoryStore
{
    /// <summary>
    /// Tries once to grant a lock, in one transaction: first takes back every lease that has ended (recording
    /// <see cref="FeedEventType.LockReleased"/> with reason <c>expired</c>), then grants the lock unless a live lock on an
    /// overlapping resource has an incompatible mode, recording <see cref="FeedEventType.LockAcquired"/>.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="now">The time leases are judged against and the new one starts at.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The lease, or the lock that stands in the way. Never waits for a lock.</returns>
    ValueTask<LockAttempt> TryAcquireLockAsync(LockRequest request, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Extends a live lease to <paramref name="expiresAt"/> and returns it.</summary>
    /// <exception cref="MnemoException">
    /// <see cref="MnemoErrorCode.LockNotHeld"/>: no live lease has this token (it ended or was released), or its owner is another.
    /// </exception>
    ValueTask<LockLease> RenewLockAsync(long token, string owner, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Releases a live lease, recording <see cref="FeedEventType.LockReleased"/> with reason <c>released</c>; returns it.</summary>
    /// <exception cref="MnemoException">
    /// <see cref="MnemoErrorCode.LockNotHeld"/>: no live lease has this token, or its owner is another.
    /// </exception>
    ValueTask<LockLease> ReleaseLockAsync(long token, string owner, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The live locks whose resource starts with <paramref name="prefix"/> ("" for all), by token.</summary>
    ValueTask<IReadOnlyList<LockLease>> ListLocksAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken = default);
}
