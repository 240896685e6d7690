using System.CommandLine;
using Mnemo.Cli.Output;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo lock release TOKEN</c>: gives up a live lock of the agent's.</summary>
internal static class LockReleaseCommand
{
    public static Command Create()
    {
        var token = LockCommand.TokenArgument();
        var command = new Command("release", "Release a lock you hold (same --agent as the acquire)") { token };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var released = await engine.ReleaseLockAsync(context.Value(token), context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => LockJson.Write(writer, released));
                }
                else
                {
                    await context.Output.WriteLineAsync($"released lock {released.Token} on '{released.Resource}'").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
