namespace Mnemo.Core;

/// <summary>What a version in an entry's history did. Persisted as an integer: never renumber.</summary>
public enum ChangeKind
{
    /// <summary>The entry was written (created, updated or imported).</summary>
    Put = 0,

    /// <summary>The entry was forgotten.</summary>
    Delete = 1,

    /// <summary>The entry's time to live ended and <c>clean</c> removed it.</summary>
    Expire = 2,

    /// <summary><c>clean --unused-for</c> removed the entry because nobody read it for too long.</summary>
    Evict = 3,

    /// <summary>The whole database was replaced from a backup (recorded in the change feed only).</summary>
    Restore = 4,
}
