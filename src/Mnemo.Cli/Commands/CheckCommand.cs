using System.CommandLine;
using Mnemo.Core.Messages;
using Mnemo.Core.Storage;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo check</c>: SQLite's integrity check plus Mnemo's own invariants; exit code 2 when anything is wrong.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Verify the database: integrity, history against current entries, content hashes");
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var report = await engine.CheckAsync(context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => StoreJson.WriteCheck(writer, report));
                }
                else
                {
                    foreach (var problem in report.Problems)
                    {
                        await context.Output.WriteLineAsync($"problem: {problem}").ConfigureAwait(false);
                    }

                    await context.Output.WriteLineAsync(report.IsHealthy
                        ? $"ok: {Counted.Of(report.KeysChecked, "key", "keys")} (live, expired and removed), "
                            + $"{Counted.Of(report.VersionsChecked, "version", "versions")} (current and earlier), "
                            + $"{Counted.Of(report.ContentsChecked, "shared content", "shared contents")} verified"
                        : $"{Counted.Of(report.Problems.Count, "problem", "problems")} found: restore a backup with 'mnemo restore FILE'")
                    .ConfigureAwait(false);
                }

                return report.IsHealthy ? ExitCodes.Ok : ExitCodes.SystemError;
            }
        });
        return command;
    }
}
