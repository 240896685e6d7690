using System.CommandLine;
using Mnemo.Cli.Output;
using Mnemo.Core;
using Mnemo.Core.Messages;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo list [PREFIX]</c>: current entries in key order, a page at a time.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var prefix = new Argument<string>("PREFIX")
        {
            Description = "Only keys starting with this, e.g. project/ (default: all)",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "",
        };
        var limit = new Option<int>("--limit") { Description = "Entries per page, 1..10000", DefaultValueFactory = _ => 50 };
        var after = new Option<string?>("--after") { Description = "Start after this key (the 'next' of the previous page)" };
        var all = new Option<bool>("--all") { Description = "Page through everything instead of stopping after one page" };
        var command = new Command("list", "List entries by key prefix, a page at a time") { prefix, limit, after, all };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var entries = new List<MemoryEntry>();
                string? next = context.Value(after);
                do
                {
                    var page = await engine.ListAsync(context.Value(prefix)!, next, context.Value(limit), context.CancellationToken).ConfigureAwait(false);
                    entries.AddRange(page.Entries);
                    next = page.NextAfter;
                }
                while (context.Value(all) && next is not null);

                if (context.Json)
                {
                    context.WriteJson(writer => EntryPageJson.Write(writer, entries, next));
                    return ExitCodes.Ok;
                }

                var table = new TextTable("KEY", "VER", "KIND", "UPDATED", "TEXT");
                foreach (var entry in entries)
                {
                    table.Add(entry.Key, entry.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Kind,
                        HumanText.Time(entry.UpdatedAt), HumanText.Snippet(entry.Text));
                }

                table.WriteTo(context.Output);
                await context.Output.WriteLineAsync(next is null
                    ? Counted.Of(entries.Count, "entry", "entries")
                    : $"{Counted.Of(entries.Count, "entry", "entries")} shown; more with --after {next} (or --all)").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
