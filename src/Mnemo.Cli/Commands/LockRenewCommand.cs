using System.CommandLine;
using Mnemo.Cli.Output;
using Mnemo.Core.Time;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo lock renew TOKEN</c>: extends a live lease of the agent's.</summary>
internal static class LockRenewCommand
{
    public static Command Create()
    {
        var token = LockCommand.TokenArgument();
        var lease = LockCommand.LeaseOption();
        var command = new Command("renew", "Extend a lock you hold to --lease from now (fails if its lease already ended)") { token, lease };
        command.SetBody(async context =>
        {
            var leaseTime = CliParsing.Duration("--lease", context.Value(lease))!.Value;
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var renewed = await engine.RenewLockAsync(context.Value(token), leaseTime, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => LockJson.Write(writer, renewed));
                }
                else
                {
                    await context.Output.WriteLineAsync($"renewed lock {renewed.Token} on '{renewed.Resource}' until {Timestamps.Format(renewed.ExpiresAt)}")
                        .ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
