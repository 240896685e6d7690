using System.Text.Json;
using System.Text.Json.Nodes;
using Mnemo.Core;
using Mnemo.Core.Learning;
using Mnemo.Core.Results;
using Mnemo.Mcp.Protocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp.Tools;

/// <summary>
/// Learning from outcomes: record how a task went, and ask which strategy to use; the same engine calls and JSON (Core's
/// <see cref="LearningJson"/>) as CLI <c>mnemo outcome record</c> and <c>mnemo recommend</c>.
/// </summary>
/// <remarks>
/// Values are checked by the engine, whose messages name the offending value (a reward outside 0..1, a context that is
/// not an object); the tools only check that each argument has the JSON kind it needs.
/// </remarks>
internal static class LearningTools
{
    private const string TaskTypeExample = "\"data_processing\"";
    private const string ContextExample = "{\"data_size\":\"large\",\"complexity\":\"medium\"}";

    /// <summary>The tools, acting as <paramref name="engine"/>'s caller.</summary>
    public static IEnumerable<McpServerTool> Create(MnemoEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);

        yield return new MnemoTool("record_outcome",
            "Record how a finished task went: its task type, the strategy it used, whether it succeeded (optionally a graded " +
            "reward 0..1), how long it took and the conditions it ran under. Outcomes are kept as entries under " +
            "learning/outcomes/ and are what select_optimal_strategy learns from; record every outcome, failures too.",
            Schema.Object(
                ("task_type!", Schema.String("The kind of task, e.g. data_processing (letters, digits, - _ . : @; at most 64)")),
                ("strategy!", Schema.String("The strategy the task used, e.g. parallel_processing")),
                ("success!", Schema.Boolean("Whether the task succeeded")),
                ("reward", Schema.Number("A graded result from 0 (failure) to 1 (full success); default 1 for a success, 0 for a failure", 0, 1)),
                ("duration_seconds", Seconds("How long the task took, in seconds, e.g. 120.5 (execution_time is read the same)")),
                ("execution_time", Seconds("Another name for duration_seconds")),
                ("agents", Schema.Strings("The agents that worked on the task, e.g. [\"worker-agent-1\"]")),
                ("context", new JsonObject
                {
                    ["description"] = $"The conditions, a JSON object such as {ContextExample} (a string is read as JSON text); " +
                        "each property is a feature recommendations can condition on",
                }),
                ("description", Schema.String("What the task was, in words")),
                ("tools", Schema.Strings("The tools or commands the task used")),
                ("memories", Schema.Strings("The keys of memories the task used"))),
            MnemoTool.Writes(),
            async (args, ct) =>
            {
                var record = new OutcomeRecord
                {
                    TaskType = args.String("task_type", TaskTypeExample),
                    Strategy = args.String("strategy", "\"parallel_processing\""),
                    Success = RequiredBool(args, "success"),
                    Reward = Number(args, "reward"),
                    DurationSeconds = Duration(args),
                    Agents = args.OptionalStrings("agents") ?? [],
                    Context = Context(args),
                    Description = args.OptionalString("description"),
                    Tools = args.OptionalStrings("tools") ?? [],
                    Memories = args.OptionalStrings("memories") ?? [],
                };
                var outcome = await engine.RecordOutcomeAsync(record, ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => LearningJson.WriteOutcome(writer, outcome)));
            });

        yield return new MnemoTool("select_optimal_strategy",
            "Recommend a strategy for a task from the recorded outcomes of its task type: the strategy, its expected success " +
            "rate with a credible interval, how much evidence it rests on, and every candidate's posterior. Chosen by Thompson " +
            "sampling over Beta posteriors (older outcomes decay; a context with few outcomes borrows from the others), so " +
            "strategies with little evidence are sometimes tried (explored: true). A task type with no outcomes yet is answered " +
            "with no_evidence: true and the prior's figures.",
            Schema.Object(
                ("task_type!", Schema.String("The kind of task, e.g. data_processing")),
                ("context", new JsonObject
                {
                    ["description"] = $"The conditions now, a JSON object like an outcome's, e.g. {ContextExample} (a string is read as JSON text); default: every context",
                }),
                ("candidates", Schema.Strings("The strategies to choose among; untried ones start from the prior (default: every strategy recorded for the task type)")),
                ("exploration", Schema.Number("How far the choice strays from the best mean: 0 always takes the highest mean, 1 is plain Thompson sampling (default: the stored learning parameter; exploration_factor is read the same)", 0, 1)),
                ("exploration_factor", Schema.Number("Another name for exploration", 0, 1)),
                ("seed", Schema.Integer("Seeds the random draws, to make the answer reproducible", int.MinValue, int.MaxValue))),
            new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = false, OpenWorldHint = false },
            async (args, ct) =>
            {
                var request = new RecommendationRequest
                {
                    TaskType = args.String("task_type", TaskTypeExample),
                    Context = Context(args),
                    Candidates = args.OptionalStrings("candidates") ?? [],
                    Exploration = Either(args, "exploration", "exploration_factor"),
                    Seed = args.OptionalInt("seed", int.MinValue, int.MaxValue),
                };
                var recommendation = await engine.RecommendStrategyAsync(request, ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => LearningJson.WriteRecommendation(writer, recommendation)));
            });
    }

    private static JsonObject Seconds(string description) => new() { ["type"] = "number", ["description"] = description, ["minimum"] = 0 };

    private static bool RequiredBool(ToolArguments args, string name) =>
        args.OptionalJson(name) is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) }
            ? args.Bool(name, false)
            : throw new ToolArgumentException($"argument '{name}' is missing: give true or false");

    /// <summary>A number of any value: the engine checks its range and says what is allowed.</summary>
    private static double? Number(ToolArguments args, string name) => args.OptionalJson(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        var other => throw new ToolArgumentException($"argument '{name}' is {other.Value.GetRawText()}: give a number"),
    };

    /// <summary>The value of one of two names for the same argument; both given must agree.</summary>
    private static double? Either(ToolArguments args, string name, string alias)
    {
        var (first, second) = (Number(args, name), Number(args, alias));
        return first is { } a && second is { } b && a != b
            ? throw new ToolArgumentException($"arguments '{name}' and '{alias}' are the same setting and differ: give one of them")
            : first ?? second;
    }

    private static double? Duration(ToolArguments args) => Either(args, "duration_seconds", "execution_time");

    /// <summary>The context: any JSON value for the engine to judge (it must be an object), or a string holding JSON text.</summary>
    private static JsonElement? Context(ToolArguments args)
    {
        if (args.OptionalJson("context") is not { } value || value.ValueKind == JsonValueKind.Null)
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
                $"argument 'context' is a string that is not JSON ({e.Message.Split(". ", 2)[0].TrimEnd('.')}): give a JSON object such as {ContextExample}");
        }
    }
}
