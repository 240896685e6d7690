using System.CommandLine;
using Mnemo.Core.Errors;
using Mnemo.Core.Transfer;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo export FILE</c>: every current entry, then the links between them, as JSONL.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The JSONL file to write ('-' for standard output)" };
        var force = new Option<bool>("--force") { Description = "Overwrite FILE if it exists" };
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
                if (File.Exists(path) && !context.Value(force))
                {
                    throw new MnemoException(MnemoErrorCode.AlreadyExists, $"'{path}' already exists: choose another file or add --force to overwrite it");
                }

                // Written beside the target and renamed, so an interrupted export never leaves a truncated file.
                var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
                ExportResult result;
                try
                {
                    var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
                    await using (stream.ConfigureAwait(false))
                    {
                        result = await engine.ExportAsync(stream, context.CancellationToken).ConfigureAwait(false);
                    }

                    File.Move(temporary, path, overwrite: true);
                }
                catch (DirectoryNotFoundException)
                {
                    throw new MnemoException(MnemoErrorCode.DirectoryNotFound,
                        $"directory '{Path.GetDirectoryName(path)}' does not exist: create it first");
                }
                finally
                {
                    File.Delete(temporary);
                }

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
                    await context.Output.WriteLineAsync($"exported {result.Entries} entries and {result.Links} link{(result.Links == 1 ? "" : "s")} to {path}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
