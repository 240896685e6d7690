namespace Mnemo.Core.Coordination;

/// <summary>A right on the keys under a prefix. Each includes the ones before it. Persisted: never renumber.</summary>
public enum AccessRight
{
    /// <summary>Get, list, search, history, watch.</summary>
    Read = 1,

    /// <summary>Store, forget, link, lock, share into the prefix; includes read.</summary>
    Write = 2,

    /// <summary>Grant and revoke rules and set conflict policies under the prefix; includes write.</summary>
    Admin = 3,
}
