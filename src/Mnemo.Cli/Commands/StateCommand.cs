using System.CommandLine;
using System.Text.Json;
using Mnemo.Core;
using Mnemo.Core.Results;
using Mnemo.Core.States;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo state ...</c>: saved states, JSON documents kept under a name (a session id, an agent's task) with an
/// optional schema and phase graph that every save is checked against.
/// </summary>
/// <remarks>
/// Each subcommand parses, calls one engine method and prints what Core's <see cref="StateJson"/> writes (with
/// <c>--json</c>) or one line: the engine refuses bad documents and transitions, and the runner maps that to exit code 1.
/// </remarks>
internal static class StateCommand
{
    public static Command Create()
    {
        var command = new Command("state", "Save, read, list and restore versioned JSON states with a schema and a phase graph");
        command.Subcommands.Add(Save());
        command.Subcommands.Add(Get());
        command.Subcommands.Add(History());
        command.Subcommands.Add(Restore());
        command.Subcommands.Add(Define());
        return command;
    }

    private static Argument<string> NameArgument() => new("NAME") { Description = "The state's name, e.g. a session id or a task" };

    private static Command Save()
    {
        var name = NameArgument();
        var json = new Argument<string>("JSON") { Description = "The whole state as JSON, e.g. '{\"phase\":\"planning\"}'" };
        var expectVersion = new Option<long?>("--expect-version")
        {
            Description = "Save only if the state is at this version now (0: only if it was never saved); else fail with a conflict",
        };
        var command = new Command("save", "Save a new version of a state, checked against its schema and phase graph") { name, json, expectVersion };
        command.SetBody(async context =>
        {
            var document = CliParsing.Json("JSON", context.Value(json))!.Value;
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var saved = await engine.SaveStateAsync(context.Value(name)!, document, context.Value(expectVersion), context.CancellationToken)
                    .ConfigureAwait(false);
                await PrintAsync(context, saved, $"saved state '{saved.Name}' version {saved.Version}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Get()
    {
        var name = NameArgument();
        var command = new Command("get", "Print the current version of a state") { name };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var stateName = context.Value(name)!;
                var state = await engine.GetStateAsync(stateName, context.CancellationToken).ConfigureAwait(false);
                if (state is null)
                {
                    MnemoException.ThrowNoState(stateName);
                }

                if (context.Json)
                {
                    context.WriteJson(writer => StateJson.Write(writer, state));
                }
                else
                {
                    await context.Output.WriteLineAsync($"{state.Name} version {state.Version} ({state.At:u}): {Compact(state.Document)}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command History()
    {
        var name = NameArgument();
        var limit = new Option<int>("--limit") { Description = "The most versions to show, newest first", DefaultValueFactory = _ => 100 };
        var command = new Command("history", "List the saved versions of a state, newest first") { name, limit };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var states = await engine.StateHistoryAsync(context.Value(name)!, context.Value(limit), context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => StateJson.WriteHistory(writer, states));
                }
                else
                {
                    foreach (var state in states)
                    {
                        await context.Output.WriteLineAsync($"{state.Version,6}  {state.At:u}  {state.Agent ?? "-"}  {Compact(state.Document)}").ConfigureAwait(false);
                    }
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Restore()
    {
        var name = NameArgument();
        var command = new Command("restore", "Save again the newest earlier version that is valid under the current rules") { name };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var restore = await engine.RestoreStateAsync(context.Value(name)!, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => StateJson.WriteRestore(writer, restore));
                }
                else
                {
                    await context.Output.WriteLineAsync(
                        $"restored state '{restore.State.Name}' version {restore.RestoredVersion} over version {restore.ReplacedVersion} "
                        + $"as version {restore.State.Version}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Define()
    {
        var name = NameArgument();
        var schema = new Option<string?>("--schema") { Description = "A JSON Schema every version must match: a file, or the schema itself", HelpName = "FILE|JSON" };
        var transitions = new Option<string?>("--transitions") { Description = "The allowed phase changes, e.g. \"planning>executing,executing>reviewing\"" };
        var field = new Option<string>("--field")
        {
            Description = "The top-level string field that holds the phase",
            DefaultValueFactory = _ => StateRules.DefaultPhaseField,
        };
        var command = new Command("define", "Set the schema and phase graph later saves of a state are checked against") { name, schema, transitions, field };
        command.SetBody(async context =>
        {
            var rules = new StateRules
            {
                Schema = SchemaText(context.Value(schema)) is { } text ? CliParsing.Json("--schema", text) : null,
                Transitions = context.Value(transitions) is { } steps ? StateRules.ParseTransitions(steps) : [],
                PhaseField = context.Value(field)!,
            };
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var outcome = await engine.DefineStateAsync(context.Value(name)!, rules, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => StoreOutcomeJson.Write(writer, outcome));
                }
                else
                {
                    await context.Output.WriteLineAsync(
                        $"rules for state '{context.Value(name)}' saved as {outcome.Entry.Key} version {outcome.Entry.Version}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The schema option's JSON: the text itself when it looks like JSON, else the file it names.</summary>
    private static string? SchemaText(string? value) =>
        value is null || value.TrimStart().StartsWith('{') || value.Trim() is "true" or "false"
            ? value
            : File.Exists(value)
                ? File.ReadAllText(value)
                : throw new FormatException($"--schema '{value}' is neither JSON nor an existing file: give a schema file or e.g. '{{\"type\":\"object\"}}'");

    private static Task PrintAsync(CommandContext context, SavedState state, string line)
    {
        if (context.Json)
        {
            context.WriteJson(writer => StateJson.Write(writer, state));
            return Task.CompletedTask;
        }

        return context.Output.WriteLineAsync(line);
    }

    private static string Compact(JsonElement document) => document.ValueKind == JsonValueKind.Undefined ? "null" : document.GetRawText();
}
