namespace Mnemo.Core.Storage;

/// <summary>The bytes of current entries last written by one agent or in one session (texts, values and metadata).</summary>
/// <param name="IsSession">True for a session, false for an agent.</param>
/// <param name="Name">The agent's name or the session's id.</param>
/// <param name="Bytes">The bytes counted.</param>
public sealed record StorageUsage(bool IsSession, string Name, long Bytes)
{
    /// <summary>How agents are named in the store's usage table.</summary>
    public const string AgentScope = "agent:";

    /// <summary>How sessions are named in the store's usage table.</summary>
    public const string SessionScope = "session:";

    /// <summary>Reads a usage row.</summary>
    public static StorageUsage FromScope(string scope, long bytes)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.StartsWith(SessionScope, StringComparison.Ordinal)
            ? new StorageUsage(true, scope[SessionScope.Length..], bytes)
            : new StorageUsage(false, scope.StartsWith(AgentScope, StringComparison.Ordinal) ? scope[AgentScope.Length..] : scope, bytes);
    }
}
