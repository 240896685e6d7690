using System.CommandLine;
using Mnemo.Core.Messages;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo export FILE</c>: every current entry, then the links between them, as JSONL.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The JSONL file to write ('-' for standard output)" };
        var force = new Option<bool>("--force") { Description = "Overwrite FILE if it is an existing regular file (never the database's own files)" };
        var command = new Command("export", "Export every current entry and the links between them as JSON lines (all fields; import restores them)") { file, force };
        command.SetBody(async context =>
        {
            var path = context.Value(file)!;
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                if (path == "-")
                {
                    var stdout = Console.OpenStandardOutput();
                    await using (stdout.ConfigureAwait(false))
                    {
                        await engine.ExportAsync(stdout, context.CancellationToken).ConfigureAwait(false);
                    }

                    return ExitCodes.Ok;
                }

                path = Path.GetFullPath(path);
                var result = await engine.ExportToFileAsync(path, context.Value(force), context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer =>
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("exported", result.Entries);
                        writer.WriteNumber("links", result.Links);
                        writer.WriteString("file", path);
                        writer.WriteEndObject();
                    });
                }
                else
                {
                    await context.Output.WriteLineAsync($"exported {Counted.Of(result.Entries, "entry", "entries")} and {Counted.Of(result.Links, "link", "links")} to {path}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
