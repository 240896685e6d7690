using System.CommandLine;
using Mnemo.Cli.Output;
using Mnemo.Core.Maintenance;
using Mnemo.Core.Messages;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo clean</c>: purges expired entries, and with <c>--unused-for</c> entries nobody used.</summary>
internal static class CleanCommand
{
    public static Command Create()
    {
        var unusedFor = new Option<string?>("--unused-for") { Description = "Also remove entries not read or written for this long, e.g. 30d" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show what would be removed" };
        var purge = new Option<bool>("--purge-history") { Description = "Erase the removed entries' history too and reclaim their content" };
        var command = new Command("clean", "Purge expired entries (and, if asked, unused ones)") { unusedFor, dryRun, purge };
        command.SetBody(async context =>
        {
            var options = new CleanOptions
            {
                UnusedFor = CliParsing.Duration("--unused-for", context.Value(unusedFor)),
                DryRun = context.Value(dryRun),
                PurgeHistory = context.Value(purge),
            };
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var result = await engine.CleanAsync(options, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer =>
                    {
                        writer.WriteStartObject();
                        JsonOutput.WriteStrings(writer, "expired", result.ExpiredKeys);
                        JsonOutput.WriteStrings(writer, "unused", result.UnusedKeys);
                        writer.WriteNumber("contents_deleted", result.ContentsDeleted);
                        writer.WriteBoolean("dry_run", result.DryRun);
                        writer.WriteEndObject();
                    });
                    return ExitCodes.Ok;
                }

                var (remove, delete) = result.DryRun ? ("would remove", "would delete") : ("removed", "deleted");
                await context.Output.WriteLineAsync(
                    $"{remove} {Counted.Of(result.ExpiredKeys.Count, "expired entry", "expired entries")} and "
                    + $"{Counted.Of(result.UnusedKeys.Count, "unused entry", "unused entries")}; "
                    + $"{delete} {Counted.Of(result.ContentsDeleted, "unreferenced content", "unreferenced contents")}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
