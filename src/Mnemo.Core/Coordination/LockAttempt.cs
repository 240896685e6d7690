namespace Mnemo.Core.Coordination;

/// <summary>The outcome of one try to acquire a lock: the granted lease, or the live lock that stands in the way.</summary>
/// <param name="Lease">The new lease; null when the lock was not granted.</param>
/// <param name="Holder">When not granted, a live lock on an overlapping resource in an incompatible mode.</param>
public sealed record LockAttempt(LockLease? Lease, LockLease? Holder)
{
    /// <summary>True when the lock was granted.</summary>
    public bool Acquired => Lease is not null;
}
