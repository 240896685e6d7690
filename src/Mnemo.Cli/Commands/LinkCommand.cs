using System.CommandLine;
using System.Globalization;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo link FROM TO</c> and <c>mnemo unlink FROM TO</c>: associative links between entries.</summary>
internal static class LinkCommand
{
    public static Command Create()
    {
        var from = new Argument<string>("FROM") { Description = "The key the link starts at (it must exist)" };
        var to = new Argument<string>("TO") { Description = "The key it points to (it must exist)" };
        var relation = new Option<string?>("--relation") { Description = "What the link means, e.g. caused_by, part_of (default related)" };
        var weight = new Option<string>("--weight") { Description = "How strong the link is, 0..1 (default 1)", DefaultValueFactory = _ => "1" };
        var command = new Command("link", "Link two entries; search --expand and neighbors follow links") { from, to, relation, weight };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var (link, created) = await engine.LinkAsync(context.Value(from)!, context.Value(to)!, context.Value(relation),
                    Core.Entries.DecimalText.Parse(context.Value(weight)!, "--weight"), context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => LinkResultJson.WriteLinked(writer, link, created));
                }
                else
                {
                    var weightText = link.Weight.ToString("0.###", CultureInfo.InvariantCulture);
                    await context.Output.WriteLineAsync(
                        $"{(created ? "linked" : "updated")} {link.From} -[{link.Relation} {weightText}]-> {link.To}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateUnlink()
    {
        var from = new Argument<string>("FROM") { Description = "The key the link starts at" };
        var to = new Argument<string>("TO") { Description = "The key it points to" };
        var relation = new Option<string?>("--relation") { Description = "Only the link of this relation (default: every relation)" };
        var command = new Command("unlink", "Remove the links from one entry to another") { from, to, relation };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var removed = await engine.UnlinkAsync(context.Value(from)!, context.Value(to)!, context.Value(relation), context.CancellationToken)
                    .ConfigureAwait(false);
                if (removed == 0)
                {
                    throw new Core.MnemoException(Core.MnemoErrorCode.NotFound,
                        $"no link from '{context.Value(from)}' to '{context.Value(to)}'{(context.Value(relation) is { } r ? $" with relation '{r}'" : "")}: see 'mnemo neighbors {context.Value(from)}'");
                }

                if (context.Json)
                {
                    context.WriteJson(writer => LinkResultJson.WriteUnlinked(writer, removed));
                }
                else
                {
                    await context.Output.WriteLineAsync($"removed {removed} link{(removed == 1 ? "" : "s")}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
