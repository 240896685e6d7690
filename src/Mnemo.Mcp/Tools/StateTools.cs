using System.Text.Json;
using System.Text.Json.Nodes;
using Mnemo.Core;
using Mnemo.Core.Errors;
using Mnemo.Core.Results;
using Mnemo.Core.States;
using Mnemo.Mcp.Protocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp.Tools;

/// <summary>
/// Saved-state tools: save, get, list and restore versioned JSON states, and define the schema and phase graph their
/// saves are checked against; the same engine calls and JSON (Core's <see cref="StateJson"/>) as CLI <c>mnemo state</c>.
/// </summary>
internal static class StateTools
{
    private const string NameExample = "\"task-42\"";
    private const string DocumentExample = "{\"phase\":\"planning\",\"step\":1}";

    /// <summary>The tools, acting as <paramref name="engine"/>'s caller.</summary>
    public static IEnumerable<McpServerTool> Create(MnemoEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var name = Schema.String("The state's name, e.g. a session id or a task such as task-42");

        yield return new MnemoTool("state_save",
            "Save the whole current state of a task or conversation as a new version of a named JSON document. It is checked " +
            "against the state's schema and phase graph (state_define) first: an invalid document or phase change is refused " +
            "with the reason, and nothing is written.",
            Schema.Object(
                ("name!", name),
                ("document!", new JsonObject { ["description"] = $"The whole state: any JSON value, e.g. {DocumentExample} (a string is read as JSON text)" }),
                ("expected_version", Schema.Integer("Save only if the state is at this version now (0: only if it was never saved)", 0, int.MaxValue))),
            MnemoTool.Writes(),
            async (args, ct) =>
            {
                var stateName = args.String("name", NameExample);
                var document = Document(args, "document", DocumentExample);
                return await StateCallAsync(async () =>
                {
                    var saved = await engine.SaveStateAsync(stateName, document, args.OptionalLong("expected_version", 0), ct).ConfigureAwait(false);
                    return ToolResults.Json(CoreJson.Object(writer => StateJson.Write(writer, saved)));
                }).ConfigureAwait(false);
            });

        yield return new MnemoTool("state_get",
            "The current version of a named state.",
            Schema.Object(("name!", name)),
            MnemoTool.ReadOnly(),
            async (args, ct) =>
            {
                var stateName = args.String("name", NameExample);
                var state = await engine.GetStateAsync(stateName, ct).ConfigureAwait(false);
                if (state is null)
                {
                    MnemoException.ThrowNoState(stateName);
                }

                return ToolResults.Json(CoreJson.Object(writer => StateJson.Write(writer, state)));
            });

        yield return new MnemoTool("state_history",
            "The saved versions of a named state, newest first.",
            Schema.Object(("name!", name), ("limit", Schema.Integer("How many versions at most (default 100)", 1, 10_000))),
            MnemoTool.ReadOnly(),
            async (args, ct) =>
            {
                var states = await engine.StateHistoryAsync(args.String("name", NameExample), args.Int("limit", 100, 1, 10_000), ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.List("states", writer => StateJson.WriteHistory(writer, states)));
            });

        yield return new MnemoTool("state_restore",
            "Recover a state after a crash or a bad save: saves again, as a new version, the newest earlier version that is " +
            "valid under the state's current rules. The result names the version copied and the one replaced.",
            Schema.Object(("name!", name)),
            MnemoTool.Writes(),
            async (args, ct) =>
            {
                var restore = await engine.RestoreStateAsync(args.String("name", NameExample), ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => StateJson.WriteRestore(writer, restore)));
            });

        yield return new MnemoTool("state_define",
            "Set the rules every later save of a state must satisfy: a JSON Schema and/or the allowed phase changes of its " +
            "phase field (e.g. planning>executing,executing>reviewing). Versions already saved are not checked again. " +
            "Giving neither removes every check.",
            Schema.Object(
                ("name!", name),
                ("schema", new JsonObject { ["description"] = "A JSON Schema every version must match, e.g. {\"type\":\"object\",\"required\":[\"phase\"]} (a string is read as JSON text)" }),
                ("transitions", Schema.String("The allowed phase changes as FROM>TO steps separated by commas, e.g. planning>executing,executing>reviewing")),
                ("phase_field", Schema.String($"The top-level string field that holds the phase (default {StateRules.DefaultPhaseField})"))),
            MnemoTool.Writes(idempotent: true),
            async (args, ct) =>
            {
                var stateName = args.String("name", NameExample);
                var rules = new StateRules
                {
                    Schema = OptionalDocument(args, "schema", "{\"type\":\"object\"}"),
                    Transitions = args.OptionalString("transitions") is { } steps ? StateRules.ParseTransitions(steps) : [],
                    PhaseField = args.OptionalString("phase_field") ?? StateRules.DefaultPhaseField,
                };
                var outcome = await engine.DefineStateAsync(stateName, rules, ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => StoreOutcomeJson.Write(writer, outcome)));
            });
    }

    /// <summary>
    /// Runs a save; a version conflict's remedy names state_save, where the shared hints name memory_store (a state
    /// is saved with its own tool).
    /// </summary>
    private static async Task<CallToolResult> StateCallAsync(Func<Task<CallToolResult>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (MnemoConflictException ex)
        {
            return ToolResults.Error(ex.Render(hint => hint.Remedy == MnemoRemedy.RetryWithExpectedVersion
                ? $"retry state_save with expected_version {hint.Version}"
                : McpHints.Render(hint)));
        }
    }

    /// <summary>A required JSON argument: any JSON value, or a string holding JSON text (as models often send it).</summary>
    private static JsonElement Document(ToolArguments args, string argument, string example) =>
        OptionalDocument(args, argument, example)
            ?? throw new ToolArgumentException($"argument '{argument}' is missing: give a JSON value such as {example}");

    private static JsonElement? OptionalDocument(ToolArguments args, string argument, string example)
    {
        if (args.OptionalJson(argument) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        try
        {
            using var parsed = JsonDocument.Parse(value.GetString()!);
            return parsed.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ToolArgumentException(
                $"argument '{argument}' is a string that is not JSON ({e.Message}): give a JSON value such as {example}, or a string holding one");
        }
    }
}
