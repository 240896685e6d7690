using Mnemo.Core;
using Mnemo.Core.Learning.Prediction;
using Mnemo.Core.Results;
using Mnemo.Mcp.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp.Tools;

/// <summary>
/// Next-action prediction tools: log an agent's own action, predict the next ones, list workflow patterns; the same
/// engine calls and JSON (Core's <see cref="PredictionJson"/>) as CLI <c>mnemo event log</c>, <c>predict</c>, <c>patterns</c>.
/// </summary>
internal static class PredictionTools
{
    /// <summary>The tools of the action log itself, which are not recorded in it (<see cref="RecordingTool"/>).</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "log_event", "predict_next_action", "get_workflow_patterns",
    };

    /// <summary>The tools, acting as <paramref name="engine"/>'s caller.</summary>
    public static IEnumerable<McpServerTool> Create(MnemoEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);

        yield return new MnemoTool("log_event",
            "Log one of your own actions (e.g. run-tests, git:commit, deploy) in the action log, so that predict_next_action " +
            "learns your workflows. Mnemo's own tool calls are logged already.",
            Schema.Object(("action!", Schema.String(
                "The action: 1 to 64 letters, digits, spaces (not first or last), '-', '_', '.', ':', '@' or '/', e.g. run-tests"))),
            MnemoTool.Writes(),
            async (args, ct) =>
            {
                var result = await engine.RecordActionAsync(args.String("action", "\"run-tests\""), ActionSource.Event, ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => PredictionJson.WriteLogResult(writer, result)));
            });

        yield return new MnemoTool("predict_next_action",
            "Predict your likely next actions, with probabilities, from the action log (Mnemo tool calls and logged events) by a " +
            "variable-order Markov model with interpolated Witten-Bell smoothing: after the given actions, or after the latest " +
            "ones of the session. The result names the context and order used and what the model was trained on.",
            Schema.Object(
                ("session", Schema.String("The session whose latest actions are the context (default: this server's)")),
                ("after", Schema.Strings("The preceding actions, oldest first, used instead of the logged ones, e.g. [\"memory_search\",\"memory_store\"]")),
                ("top", Schema.Integer("How many next actions (default 5)", 1, PredictionRequest.MaxTop)),
                ("order", Schema.Integer("The most preceding actions the model looks at (default 3)", 1, ActionModel.MaxOrderLimit))),
            MnemoTool.ReadOnly(),
            async (args, ct) =>
            {
                var request = new PredictionRequest
                {
                    Session = args.OptionalString("session"),
                    After = args.OptionalStrings("after"),
                    Top = args.Int("top", 5, 1, PredictionRequest.MaxTop),
                    MaxOrder = args.Int("order", ActionModel.DefaultMaxOrder, 1, ActionModel.MaxOrderLimit),
                };
                var prediction = await engine.PredictNextActionsAsync(request, ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => PredictionJson.WritePrediction(writer, prediction)));
            });

        yield return new MnemoTool("get_workflow_patterns",
            "The workflow patterns of the action log: runs of consecutive actions that recur, most frequent first, with their " +
            "support (occurrences), the sessions they occur in, and the confidence that the last step follows the others.",
            Schema.Object(
                ("min_support", Schema.Integer("The fewest occurrences a pattern must have (default 2)", 1, int.MaxValue)),
                ("max_length", Schema.Integer("The most steps a pattern may have (default 4)", 2, 10))),
            MnemoTool.ReadOnly(),
            async (args, ct) =>
            {
                var report = await engine.GetWorkflowPatternsAsync(args.Int("min_support", 2, 1, int.MaxValue), args.Int("max_length", 4, 2, 10), ct)
                    .ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => PredictionJson.WritePatterns(writer, report)));
            });
    }
}
