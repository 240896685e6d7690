using System.CommandLine;
using Mnemo.Cli.Output;
using Mnemo.Core.Coordination;
using Mnemo.Core.Time;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo lock acquire RESOURCE</c>: takes a leased lock, waiting up to the timeout for holders to let go.</summary>
internal static class LockAcquireCommand
{
    public static Command Create()
    {
        var resource = new Argument<string>("RESOURCE") { Description = "The key to lock, or with --prefix the start of the keys, e.g. project/" };
        var prefix = new Option<bool>("--prefix") { Description = "Lock every key that starts with RESOURCE, not only RESOURCE itself" };
        var shared = new Option<bool>("--shared") { Description = "Take a shared (reader) lock: other shared locks are allowed, exclusive ones are not" };
        var lease = LockCommand.LeaseOption();
        var timeout = new Option<string>("--timeout")
        {
            Description = "How long to wait while another agent holds a conflicting lock, 0s (try once)..1d; "
                + "then fail with exit code 1 naming the holder",
            DefaultValueFactory = _ => $"{LockDefaults.AcquireTimeout.TotalSeconds:0}s",
            HelpName = "DURATION",
        };
        var command = new Command("acquire", "Acquire a lock (exclusive unless --shared) and print its fencing token and lease end")
        {
            resource, prefix, shared, lease, timeout,
        };
        command.SetBody(async context =>
        {
            var leaseTime = CliParsing.Duration("--lease", context.Value(lease))!.Value;
            var wait = ParseTimeout(context.Value(timeout)!);
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var granted = await engine.AcquireLockAsync(
                    context.Value(resource)!, context.Value(shared) ? LockMode.Shared : LockMode.Exclusive, context.Value(prefix), leaseTime, wait,
                    context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => LockJson.Write(writer, granted));
                }
                else
                {
                    await context.Output.WriteLineAsync(
                        $"token {granted.Token}: {LockJson.ModeName(granted.Mode)} lock on {(granted.IsPrefix ? "prefix" : "key")} '{granted.Resource}' "
                        + $"until {Timestamps.Format(granted.ExpiresAt)}; write with --fence {granted.Token}, release with 'mnemo lock release {granted.Token}'")
                        .ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    // "0" is accepted without a unit: "do not wait" reads naturally that way and the duration parser needs a unit.
    private static TimeSpan ParseTimeout(string text) => text.Trim() == "0" ? TimeSpan.Zero : CliParsing.Duration("--timeout", text)!.Value;
}
