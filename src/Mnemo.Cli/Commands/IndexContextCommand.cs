using System.CommandLine;
using Mnemo.Cli.Output;
using Mnemo.Core.Retrieval;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo index-context set|unset|list</c>: which context (who said it, when, its title) search indexes beside the
/// texts of each namespace. The stored texts never change; both indexes are rebuilt by the next search.
/// </summary>
internal static class IndexContextCommand
{
    public static Command Create()
    {
        var command = new Command("index-context", "Which context (who, when, title from metadata or the agent) search indexes beside each namespace's texts");
        command.Subcommands.Add(CreateSet());
        command.Subcommands.Add(CreateUnset());
        command.Subcommands.Add(CreateList());
        return command;
    }

    private static Command CreateSet()
    {
        var prefix = new Argument<string>("PREFIX") { Description = "A namespace prefix ending in '/', e.g. chats/ (\"\" for the whole store)" };
        var fields = new Argument<string>("FIELDS") { Description = "who, when, title (comma-separated), all, or none" };
        var command = new Command("set", "Index these context fields for keys under a prefix (needs admin; the next search rebuilds the indexes)")
        {
            prefix, fields,
        };
        command.SetBody(async context =>
        {
            var parsed = ParseFields(context.Value(fields)!);
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var rules = await engine.SetIndexContextAsync(context.Value(prefix)!, parsed, context.CancellationToken).ConfigureAwait(false);
                Write(context, rules);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateUnset()
    {
        var prefix = new Argument<string>("PREFIX") { Description = "The prefix whose rule to remove" };
        var command = new Command("unset", "Remove a prefix's rule, so the nearest shorter prefix's applies (needs admin)") { prefix };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var rules = await engine.SetIndexContextAsync(context.Value(prefix)!, null, context.CancellationToken).ConfigureAwait(false);
                Write(context, rules);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateList()
    {
        var command = new Command("list", "Show the rules; the whole store (\"\") indexes who, when and title unless a rule says otherwise");
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                Write(context, await engine.GetIndexContextAsync(context.CancellationToken).ConfigureAwait(false));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static ContextFields ParseFields(string text)
    {
        try
        {
            return IndexContextRules.ParseFields(text);
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, e);
        }
    }

    /// <summary>The rules in force, the whole store's first (shown even when it has no rule of its own).</summary>
    private static void Write(CommandContext context, IndexContextRules rules)
    {
        var rows = rules.ByPrefix.ContainsKey("") ? rules.ByPrefix.ToList() : [new("", rules.For("")), .. rules.ByPrefix];
        if (context.Json)
        {
            context.WriteJson(writer =>
            {
                writer.WriteStartArray();
                foreach (var (prefix, fields) in rows)
                {
                    writer.WriteStartObject();
                    writer.WriteString("prefix", prefix);
                    writer.WriteString("fields", IndexContextRules.FormatFields(fields));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            });
            return;
        }

        var table = new TextTable("PREFIX", "INDEXED BESIDE THE TEXT");
        foreach (var (prefix, fields) in rows)
        {
            table.Add(prefix.Length == 0 ? "(whole store)" : prefix, IndexContextRules.FormatFields(fields));
        }

        table.WriteTo(context.Output);
    }
}
