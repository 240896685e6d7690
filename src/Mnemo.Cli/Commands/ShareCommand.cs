using System.CommandLine;
using Mnemo.Core.Transfer;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo share KEY --to SCOPE</c>: publishes an agent's entry to a shared scope with its provenance.</summary>
internal static class ShareCommand
{
    public static Command Create()
    {
        var key = new Argument<string>("KEY") { Description = "The entry to share" };
        var to = new Option<string>("--to")
        {
            Description = "The target key, or a scope ending in / (e.g. swarm-x/global/) under which the entry keeps its last key segment",
            Required = true,
        };
        var command = new Command("share", "Publish an entry to a shared scope; the copy records shared_from, shared_version and shared_by") { key, to };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var shared = await engine.ShareAsync(context.Value(key)!, context.Value(to)!, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => EntryJson.Write(writer, shared));
                }
                else
                {
                    await context.Output.WriteLineAsync($"shared {context.Value(key)} as {shared.Key} (version {shared.Version})").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
