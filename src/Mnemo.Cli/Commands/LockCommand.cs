using System.CommandLine;
using Mnemo.Core.Coordination;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo lock ...</c>: leased locks on keys and key prefixes, shared by every process on the database.</summary>
/// <remarks>
/// A lock outlives the command that took it: acquire in one process, write with <c>--fence TOKEN</c> and release in
/// others. Renew and release need the token and the same <c>--agent</c> as the acquire, so one agent cannot release
/// another's lock.
/// </remarks>
internal static class LockCommand
{
    public static Command Create()
    {
        var command = new Command("lock", "Acquire, renew, release and list leased locks (with fencing tokens) on keys and key prefixes");
        command.Subcommands.Add(LockAcquireCommand.Create());
        command.Subcommands.Add(LockRenewCommand.Create());
        command.Subcommands.Add(LockReleaseCommand.Create());
        command.Subcommands.Add(LockListCommand.Create());
        return command;
    }

    /// <summary>The <c>--lease</c> option of acquire and renew.</summary>
    internal static Option<string> LeaseOption() => new("--lease")
    {
        Description = $"How long the lock lasts unless renewed, {LockDefaults.MinLease.TotalSeconds:0}s..{LockDefaults.MaxLease.TotalDays:0}d; "
            + "a crashed holder blocks others at most this long",
        DefaultValueFactory = _ => $"{LockDefaults.Lease.TotalSeconds:0}s",
        HelpName = "DURATION",
    };

    /// <summary>The <c>TOKEN</c> argument of renew and release.</summary>
    internal static Argument<long> TokenArgument() => new("TOKEN") { Description = "The lock's token, as printed by 'mnemo lock acquire'" };
}
