using System.CommandLine;
using Mnemo.Cli.Output;

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
                    context.WriteJson(writer =>
                    {
                        writer.WriteStartObject();
                        writer.WriteBoolean("healthy", report.IsHealthy);
                        writer.WriteNumber("entries_checked", report.EntriesChecked);
                        writer.WriteNumber("versions_checked", report.VersionsChecked);
                        writer.WriteNumber("contents_checked", report.ContentsChecked);
                        JsonOutput.WriteStrings(writer, "problems", report.Problems);
                        writer.WriteEndObject();
                    });
                }
                else
                {
                    foreach (var problem in report.Problems)
                    {
                        await context.Output.WriteLineAsync($"problem: {problem}").ConfigureAwait(false);
                    }

                    await context.Output.WriteLineAsync(report.IsHealthy
                        ? $"ok: {report.EntriesChecked} entries, {report.VersionsChecked} versions, {report.ContentsChecked} shared contents verified"
                        : $"{report.Problems.Count} problems found: restore a backup with 'mnemo restore FILE'").ConfigureAwait(false);
                }

                return report.IsHealthy ? ExitCodes.Ok : ExitCodes.SystemError;
            }
        });
        return command;
    }
}
