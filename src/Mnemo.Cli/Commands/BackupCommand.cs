using System.CommandLine;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo backup FILE</c>: a consistent copy of the database, taken while writers go on.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The backup file to create (must not exist)" };
        var command = new Command("backup", "Copy the whole database to a new file, consistently, while others keep writing") { file };
        command.SetBody(async context =>
        {
            var path = Path.GetFullPath(context.Value(file)!);
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                await engine.BackupAsync(path, context.CancellationToken).ConfigureAwait(false);
            }

            await WriteDoneAsync(context, "backup", path).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Reports a finished backup or restore.</summary>
    internal static async Task WriteDoneAsync(CommandContext context, string action, string path)
    {
        if (context.Json)
        {
            context.WriteJson(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString(action, path);
                writer.WriteNumber("bytes", new FileInfo(path).Length);
                writer.WriteEndObject();
            });
        }
        else
        {
            await context.Output.WriteLineAsync($"{action} done: {path} ({Output.HumanText.Bytes(new FileInfo(path).Length)})").ConfigureAwait(false);
        }
    }
}
