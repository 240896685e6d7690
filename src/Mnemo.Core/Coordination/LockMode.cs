namespace Mnemo.Core.Coordination;

/// <summary>How a lock shares its resource. Persisted: never renumber.</summary>
public enum LockMode
{
    /// <summary>Many holders at once (readers); excludes exclusive holders.</summary>
    Shared = 1,

    /// <summary>One holder alone (a writer); excludes every other lock on an overlapping resource.</summary>
    Exclusive = 2,
}
