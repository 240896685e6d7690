using System.CommandLine;
using Mnemo.Cli.Output;
using Mnemo.Core.Coordination;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo acl grant|revoke|list</c>: which agents may read, write or administer which namespaces.</summary>
internal static class AclCommand
{
    public static Command Create()
    {
        var command = new Command("acl", "Access rules: grant agents read, write or admin on key prefixes (open to everyone until the first rule)");
        command.Subcommands.Add(CreateGrant());
        command.Subcommands.Add(CreateRevoke());
        command.Subcommands.Add(CreateList());
        return command;
    }

    private static Command CreateGrant()
    {
        var agent = new Argument<string>("AGENT") { Description = "The agent's name, or * for every agent" };
        var prefix = new Argument<string>("PREFIX") { Description = "The key prefix, e.g. swarm-x/agent-a/ (\"\" for the whole store)" };
        var right = new Argument<string>("RIGHT") { Description = "read, write (includes read) or admin (includes write; may manage rules)" };
        right.AcceptOnlyFromAmong("read", "write", "admin");
        var command = new Command("grant", "Grant an agent a right on every key under a prefix (needs admin there; the first rule must grant admin)")
        {
            agent, prefix, right,
        };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var granted = Enum.Parse<AccessRight>(context.Value(right)!, ignoreCase: true);
                var changed = await engine.GrantAsync(context.Value(agent)!, context.Value(prefix)!, granted, context.CancellationToken).ConfigureAwait(false);
                await ReportAsync(context, changed, changed ? "granted" : "already granted",
                    $"{context.Value(agent)} {context.Value(right)} on '{context.Value(prefix)}'").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateRevoke()
    {
        var agent = new Argument<string>("AGENT") { Description = "The agent's name, or *" };
        var prefix = new Argument<string>("PREFIX") { Description = "The prefix of the rule to remove" };
        var command = new Command("revoke", "Remove an agent's rule on a prefix (needs admin there)") { agent, prefix };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                if (!await engine.RevokeAsync(context.Value(agent)!, context.Value(prefix)!, context.CancellationToken).ConfigureAwait(false))
                {
                    throw new Core.MnemoException(Core.MnemoErrorCode.NotFound,
                        $"no rule for {context.Value(agent)} on '{context.Value(prefix)}': see 'mnemo acl list'");
                }

                await ReportAsync(context, true, "revoked", $"{context.Value(agent)} on '{context.Value(prefix)}'").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateList()
    {
        var command = new Command("list",
            "Show the access rules you may see: those that apply to you and those on prefixes you administer (none at all: the store is open)");
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var listing = await engine.ListAccessRulesAsync(context.CancellationToken).ConfigureAwait(false);
                var rules = listing.Rules;
                if (context.Json)
                {
                    context.WriteJson(writer =>
                    {
                        writer.WriteStartArray();
                        foreach (var rule in rules)
                        {
                            writer.WriteStartObject();
                            writer.WriteString("agent", rule.Agent);
                            writer.WriteString("prefix", rule.Prefix);
                            writer.WriteString("right", rule.Right.ToString().ToLowerInvariant());
                            writer.WriteString("granted_by", rule.GrantedBy);
                            writer.WriteString("granted_at", Core.Time.Timestamps.Format(rule.GrantedAt));
                            writer.WriteEndObject();
                        }

                        writer.WriteEndArray();
                    });
                }
                else if (listing.StoreIsOpen)
                {
                    await context.Output.WriteLineAsync("no access rules: every agent may do everything (grant admin to start: mnemo acl grant NAME \"\" admin)")
                        .ConfigureAwait(false);
                }
                else
                {
                    var table = new TextTable("AGENT", "PREFIX", "RIGHT", "GRANTED BY", "GRANTED AT");
                    foreach (var rule in rules)
                    {
                        table.Add(rule.Agent, rule.Prefix.Length == 0 ? "(all)" : rule.Prefix, rule.Right.ToString().ToLowerInvariant(),
                            rule.GrantedBy ?? "-", HumanText.Time(rule.GrantedAt));
                    }

                    table.WriteTo(context.Output);
                }

                if (!context.Json && listing.Hidden > 0)
                {
                    await context.Output.WriteLineAsync($"{listing.Hidden} more rules concern other agents on prefixes you do not administer")
                        .ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task ReportAsync(CommandContext context, bool changed, string verb, string what)
    {
        if (context.Json)
        {
            context.WriteJson(writer =>
            {
                writer.WriteStartObject();
                writer.WriteBoolean("changed", changed);
                writer.WriteEndObject();
            });
        }
        else
        {
            await context.Output.WriteLineAsync($"{verb}: {what}").ConfigureAwait(false);
        }
    }
}
