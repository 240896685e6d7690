using System.CommandLine;
using System.Globalization;
using Mnemo.Cli.Output;
using Mnemo.Core.Coordination;
using Mnemo.Core.Time;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo conflicts list|resolve|policy</c>: writes made from outdated versions, and what each namespace does with them.</summary>
internal static class ConflictsCommand
{
    public static Command Create()
    {
        var command = new Command("conflicts", "Conflicting writes kept as siblings (manual policy), and the conflict policy of each namespace");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateResolve());
        command.Subcommands.Add(CreatePolicy());
        return command;
    }

    private static Command CreateList()
    {
        var prefix = new Option<string>("--namespace") { Description = "Only keys under this prefix", DefaultValueFactory = _ => "" };
        var command = new Command("list", "Entries with siblings waiting to be resolved") { prefix };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var siblings = await engine.ListConflictsAsync(context.Value(prefix)!, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer =>
                    {
                        writer.WriteStartArray();
                        foreach (var sibling in siblings)
                        {
                            writer.WriteStartObject();
                            writer.WriteNumber("id", sibling.Id);
                            writer.WriteString("key", sibling.Key);
                            writer.WriteNumber("base_version", sibling.BaseVersion);
                            writer.WriteString("text", sibling.Text);
                            if (sibling.Value is { } value)
                            {
                                writer.WritePropertyName("value");
                                value.WriteTo(writer);
                            }

                            writer.WriteString("kind", sibling.Kind);
                            writer.WriteStartArray("tags");
                            foreach (var tag in sibling.Tags)
                            {
                                writer.WriteStringValue(tag);
                            }

                            writer.WriteEndArray();
                            writer.WriteString("agent", sibling.Agent);
                            writer.WriteString("session", sibling.Session);
                            writer.WriteString("created_at", Timestamps.Format(sibling.CreatedAt));
                            writer.WriteEndObject();
                        }

                        writer.WriteEndArray();
                    });
                }
                else if (siblings.Count == 0)
                {
                    await context.Output.WriteLineAsync("no conflicts").ConfigureAwait(false);
                }
                else
                {
                    var table = new TextTable("ID", "KEY", "BASE", "AGENT", "WRITTEN", "TEXT");
                    foreach (var s in siblings)
                    {
                        table.Add(s.Id.ToString(CultureInfo.InvariantCulture), s.Key, s.BaseVersion.ToString(CultureInfo.InvariantCulture), s.Agent ?? "-",
                            HumanText.Time(s.CreatedAt), HumanText.Snippet(s.Text, 40));
                    }

                    table.WriteTo(context.Output);
                    await context.Output.WriteLineAsync("resolve with: mnemo conflicts resolve KEY --keep current|ID").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateResolve()
    {
        var key = new Argument<string>("KEY") { Description = "The entry whose conflict to resolve" };
        var keep = new Option<string>("--keep")
        {
            Description = "current: keep the entry as it is and discard the siblings; ID: make that sibling the next version",
            Required = true,
        };
        var command = new Command("resolve", "End a conflict: keep the current entry or one of its siblings, discarding the rest") { key, keep };
        command.SetBody(async context =>
        {
            var choice = context.Value(keep)!.Trim();
            long? siblingId = choice.Equals("current", StringComparison.OrdinalIgnoreCase)
                ? null
                : long.TryParse(choice, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    ? id
                    : throw new ArgumentException($"--keep '{choice}' is neither 'current' nor a sibling id: see the IDs in 'mnemo conflicts list'");
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var entry = await engine.ResolveConflictAsync(context.Value(key)!, siblingId, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer =>
                    {
                        writer.WriteStartObject();
                        writer.WriteString("key", context.Value(key));
                        writer.WriteString("kept", siblingId is null ? "current" : "sibling");
                        if (entry is not null)
                        {
                            writer.WriteNumber("version", entry.Version);
                        }

                        writer.WriteEndObject();
                    });
                }
                else
                {
                    await context.Output.WriteLineAsync(siblingId is null
                        ? $"resolved {context.Value(key)}: kept the current version{(entry is null ? "" : $" ({entry.Version})")}"
                        : $"resolved {context.Value(key)}: sibling {siblingId} is now version {entry!.Version}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreatePolicy()
    {
        var prefix = new Argument<string>("PREFIX") { Description = "The key prefix (\"\" for the whole store); the longest matching prefix applies" };
        var policy = new Argument<string>("POLICY") { Description = "last-write-wins (default), merge, or manual" };
        policy.AcceptOnlyFromAmong("last-write-wins", "lww", "merge", "manual");
        var set = new Command("set", "Set the conflict policy of a prefix (needs admin there)") { prefix, policy };
        set.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var chosen = ConflictPolicies.Parse(context.Value(policy)!);
                await engine.SetConflictPolicyAsync(context.Value(prefix)!, chosen, context.CancellationToken).ConfigureAwait(false);
                await context.Output.WriteLineAsync($"policy of '{context.Value(prefix)}' is {ConflictPolicies.Name(chosen)}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });

        var clearPrefix = new Argument<string>("PREFIX") { Description = "The prefix whose policy to remove" };
        var clear = new Command("clear", "Remove a prefix's policy (a shorter prefix's, else last-write-wins, applies)") { clearPrefix };
        clear.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                await engine.SetConflictPolicyAsync(context.Value(clearPrefix)!, null, context.CancellationToken).ConfigureAwait(false);
                await context.Output.WriteLineAsync($"cleared the policy of '{context.Value(clearPrefix)}'").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });

        var list = new Command("list", "Show the policies set");
        list.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var rules = await engine.ListConflictPoliciesAsync(context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer =>
                    {
                        writer.WriteStartArray();
                        foreach (var rule in rules)
                        {
                            writer.WriteStartObject();
                            writer.WriteString("prefix", rule.Prefix);
                            writer.WriteString("policy", ConflictPolicies.Name(rule.Policy));
                            writer.WriteString("set_by", rule.SetBy);
                            writer.WriteString("set_at", Timestamps.Format(rule.SetAt));
                            writer.WriteEndObject();
                        }

                        writer.WriteEndArray();
                    });
                }
                else
                {
                    var table = new TextTable("PREFIX", "POLICY", "SET BY", "SET AT");
                    foreach (var rule in rules)
                    {
                        table.Add(rule.Prefix.Length == 0 ? "(all)" : rule.Prefix, ConflictPolicies.Name(rule.Policy), rule.SetBy ?? "-", HumanText.Time(rule.SetAt));
                    }

                    table.WriteTo(context.Output);
                    await context.Output.WriteLineAsync("keys under no prefix listed: last-write-wins").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });

        var command = new Command("policy", "What a write made from an outdated version (--base-version) does, per prefix");
        command.Subcommands.Add(set);
        command.Subcommands.Add(clear);
        command.Subcommands.Add(list);
        return command;
    }
}
