using System.CommandLine;
using System.Globalization;
using Mnemo.Cli.Output;
using Mnemo.Core;
using Mnemo.Core.Results;
using Mnemo.Core.Transfer;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo history KEY</c>: every version of an entry, oldest first.</summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var key = new Argument<string>("KEY") { Description = "The entry's key" };
        var command = new Command("history", "Show every version of an entry, including removals") { key };
        command.SetBody(async context =>
        {
            var name = context.Value(key)!;
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var history = await engine.GetHistoryAsync(name, context.CancellationToken).ConfigureAwait(false);
                if (history.Count == 0)
                {
                    MnemoException.ThrowNotFound(name);
                }

                if (context.Json)
                {
                    context.WriteJson(writer => HistoryJson.WriteArray(writer, history));
                    return ExitCodes.Ok;
                }

                var table = new TextTable("VER", "CHANGE", "AT", "AGENT", "TEXT");
                foreach (var version in history)
                {
                    table.Add(version.Version.ToString(CultureInfo.InvariantCulture), EntryJson.ChangeName(version.Change),
                        HumanText.Time(version.At), Who(version), version.Entry is { } entry ? HumanText.Snippet(entry.Text) : "");
                }

                table.WriteTo(context.Output);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The agent of a step, and who imported it when an import wrote it as another agent (or as none).</summary>
    private static string Who(EntryVersion version) => version.ImportedBy is { } importer && importer != version.Agent
        ? $"{version.Agent ?? "-"} (imported by {importer})"
        : version.ImportedBy is { } same ? $"{same} (import)" : version.Agent ?? "-";
}
