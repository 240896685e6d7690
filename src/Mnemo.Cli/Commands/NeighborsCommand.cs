using System.CommandLine;
using System.Globalization;
using Mnemo.Cli.Output;
using Mnemo.Core;
using Mnemo.Core.Links;
using Mnemo.Core.Messages;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo neighbors KEY</c>: the entries linked to an entry, up to a depth.</summary>
internal static class NeighborsCommand
{
    public static Command Create()
    {
        var key = new Argument<string>("KEY") { Description = "Where to start" };
        var depth = new Option<int>("--depth") { Description = "How many links away to go, 1..5", DefaultValueFactory = _ => 1 };
        var direction = new Option<string>("--direction") { Description = "Which links to follow: both, out, in", DefaultValueFactory = _ => LinkDirections.Name(LinkDirection.Both) };
        direction.AcceptOnlyFromAmong([.. LinkDirections.Map.Names]);
        var relation = new Option<string?>("--relation") { Description = "Only links of this relation" };
        var command = new Command("neighbors", "Show the entries linked to an entry, nearest first") { key, depth, direction, relation };
        command.SetBody(async context =>
        {
            var way = LinkDirections.Parse(context.Value(direction)!);
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var neighbors = await engine.GetNeighborsAsync(context.Value(key)!, context.Value(depth), way, context.Value(relation),
                    context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => NeighborJson.WriteArray(writer, neighbors));
                    return ExitCodes.Ok;
                }

                var table = new TextTable("DEPTH", "VIA", "LINK", "KEY", "TEXT");
                foreach (var neighbor in neighbors)
                {
                    var arrow = neighbor.Outgoing ? $"-[{neighbor.Link.Relation}]->" : $"<-[{neighbor.Link.Relation}]-";
                    table.Add(neighbor.Depth.ToString(CultureInfo.InvariantCulture), neighbor.Via, arrow, neighbor.Entry.Key,
                        HumanText.Snippet(neighbor.Entry.Text, 40));
                }

                table.WriteTo(context.Output);
                await context.Output.WriteLineAsync(Counted.Of(neighbors.Count, "neighbor", "neighbors")).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
