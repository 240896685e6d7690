using System.CommandLine;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo restore FILE</c>: replaces the database with a verified backup.</summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A backup made by 'mnemo backup'" };
        var command = new Command("restore", "Replace the whole database with a backup (the backup is verified first)") { file };
        command.SetBody(async context =>
        {
            var path = Path.GetFullPath(context.Value(file)!);
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                await engine.RestoreAsync(path, context.CancellationToken).ConfigureAwait(false);
            }

            await BackupCommand.WriteDoneAsync(context, "restore", path).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
