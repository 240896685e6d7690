namespace Mnemo.Core.Coordination;

/// <summary>Defaults and limits of leased locks.</summary>
public static class LockDefaults
{
    /// <summary>The lease a lock gets when the caller names none: long enough for a few writes, short enough that a crashed holder blocks others briefly.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>How long an acquire waits for a conflicting lock when the caller names no timeout.</summary>
    public static readonly TimeSpan AcquireTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The shortest lease: below a second, clock steps and a slow write would end leases by accident.</summary>
    public static readonly TimeSpan MinLease = TimeSpan.FromSeconds(1);

    /// <summary>The longest lease and acquire timeout: a longer one would let a crashed holder block the swarm for days.</summary>
    public static readonly TimeSpan MaxLease = TimeSpan.FromDays(1);

    /// <summary>The first pause between tries of a contended acquire; doubled after each try up to <see cref="MaxBackoff"/>.</summary>
    internal static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(2);

    /// <summary>The longest pause between tries: bounds how long a lock stays free before a waiter notices.</summary>
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(50);
}
