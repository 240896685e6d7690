using System.CommandLine;
using Mnemo.Core.Messages;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo forget KEY|PATTERN</c>: removes an entry or every entry a glob matches.</summary>
internal static class ForgetCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("KEY|PATTERN")
        {
            Description = "A key, or a glob: * and ? (one character) within a segment, ** across segments "
                + "(session-1/* forgets session-1/a but not session-1/a/b; session-1/** forgets everything below session-1)",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show what would be forgotten" };
        var purge = new Option<bool>("--purge-history") { Description = "Erase every version, not just the current one" };
        var fence = FenceOption.Create();
        var command = new Command("forget", "Forget an entry, or all entries matching a pattern") { target, dryRun, purge, fence };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var result = await engine.ForgetAsync(
                        context.Value(target)!, context.Value(dryRun), context.Value(purge), context.Value(fence), context.CancellationToken)
                    .ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => ForgetResultJson.Write(writer, result));
                    return ExitCodes.Ok;
                }

                foreach (var key in result.Keys)
                {
                    await context.Output.WriteLineAsync($"  {key}").ConfigureAwait(false);
                }

                var verb = result.DryRun ? "would forget" : "forgot";
                var history = result.HistoryPurged ? Counted.Noun(result.Keys.Count, " and its history", " and their history") : "";
                await context.Output.WriteLineAsync($"{verb} {Counted.Of(result.Keys.Count, "entry", "entries")}{history}")
                    .ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
