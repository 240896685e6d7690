namespace Mnemo.Core.Coordination;

/// <summary>A granted lock: who holds which resource, how, and until when.</summary>
/// <param name="Token">
/// The fencing token: unique, never reused, and larger for every later grant, so a store can tell a current holder's
/// write from one by a holder whose lease has ended.
/// </param>
/// <param name="Resource">The locked key, or key prefix when <paramref name="IsPrefix"/>.</param>
/// <param name="IsPrefix">True when the lock covers every key that starts with <paramref name="Resource"/>.</param>
/// <param name="Mode">Shared or exclusive.</param>
/// <param name="Agent">The agent that acquired it, when known.</param>
/// <param name="Owner">Who may renew and release it: the agent's name, or "" for a lock taken without an agent.</param>
/// <param name="AcquiredAt">When it was granted.</param>
/// <param name="ExpiresAt">When its lease ends unless renewed; after that it no longer excludes anyone.</param>
public sealed record LockLease(
    long Token, string Resource, bool IsPrefix, LockMode Mode, string? Agent, string Owner, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt)
{
    /// <summary>True when the lock covers <paramref name="key"/>: the same key, or a prefix the key starts with.</summary>
    public bool Covers(string key) => IsPrefix ? key.StartsWith(Resource, StringComparison.Ordinal) : key == Resource;

    /// <summary>The holder as shown in messages: <c>agent 'a'</c>, or <c>an agent-less holder</c>.</summary>
    public string DescribeHolder() => Agent is null ? "a holder without an agent name" : $"agent '{Agent}'";
}
