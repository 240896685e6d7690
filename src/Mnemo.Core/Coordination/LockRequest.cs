namespace Mnemo.Core.Coordination;

/// <summary>What a store needs to grant a lock, validated by the engine.</summary>
/// <param name="Resource">The key, or key prefix when <paramref name="IsPrefix"/>.</param>
/// <param name="IsPrefix">True to lock every key that starts with <paramref name="Resource"/>.</param>
/// <param name="Mode">Shared or exclusive.</param>
/// <param name="Agent">The acquiring agent, recorded on the lock and in the change feed.</param>
/// <param name="Owner">Who may renew and release the lock (see <see cref="LockLease.Owner"/>).</param>
/// <param name="Lease">How long the lease lasts from the moment it is granted.</param>
public sealed record LockRequest(string Resource, bool IsPrefix, LockMode Mode, string? Agent, string Owner, TimeSpan Lease);
