using System.CommandLine;
using Mnemo.Cli.Output;
using Mnemo.Core.Messages;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo lock list</c>: the live locks, optionally under a prefix.</summary>
internal static class LockListCommand
{
    public static Command Create()
    {
        var prefix = new Option<string>("--prefix")
        {
            Description = "Only locks whose resource starts with this, e.g. project/ (default: all)",
            DefaultValueFactory = _ => "",
        };
        var command = new Command("list", "List live locks: token, mode, resource, holder and lease end") { prefix };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var locks = await engine.ListLocksAsync(context.Value(prefix)!, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer =>
                    {
                        writer.WriteStartObject();
                        writer.WriteStartArray("locks");
                        foreach (var lease in locks)
                        {
                            LockJson.Write(writer, lease);
                        }

                        writer.WriteEndArray();
                        writer.WriteEndObject();
                    });
                    return ExitCodes.Ok;
                }

                var table = new TextTable("TOKEN", "MODE", "RESOURCE", "AGENT", "EXPIRES");
                foreach (var lease in locks)
                {
                    table.Add(lease.Token.ToString(System.Globalization.CultureInfo.InvariantCulture), LockJson.ModeName(lease.Mode),
                        lease.IsPrefix ? $"{lease.Resource}*" : lease.Resource, lease.Agent ?? "-", HumanText.Time(lease.ExpiresAt));
                }

                table.WriteTo(context.Output);
                await context.Output.WriteLineAsync(Counted.Of(locks.Count, "lock", "locks")).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
