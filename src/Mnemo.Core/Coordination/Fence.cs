namespace Mnemo.Core.Coordination;

/// <summary>
/// What a write under an exclusive lock presents to the store: the lock's fencing token and who presents it.
/// </summary>
/// <param name="Token">The fencing token <c>mnemo lock acquire</c> printed.</param>
/// <param name="Holder">
/// The writer's lock owner (its agent name, or "" without one). The token alone is not a capability: it is a small
/// number that refusals and listings may show, so the store accepts it only from the agent holding the lock.
/// </param>
public readonly record struct Fence(long Token, string Holder);
