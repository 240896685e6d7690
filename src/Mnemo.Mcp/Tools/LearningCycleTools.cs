using System.Buffers;
using System.Text.Json;
using Mnemo.Core;
using Mnemo.Core.Learning;
using Mnemo.Core.Results;
using Mnemo.Mcp.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp.Tools;

/// <summary>
/// The learning cycle's tools: change the learning parameters, run a learning cycle, read the learning metrics; and the
/// text of the <c>mnemo://learning-metrics</c> and <c>mnemo://adaptation-patterns</c> resources. The same engine calls and
/// JSON (Core's <see cref="LearningJson"/>, <see cref="LearningCycleJson"/>) as CLI <c>mnemo learn</c>.
/// </summary>
internal static class LearningCycleTools
{
    private const string TaskTypeExample = "\"data_processing\"";

    /// <summary>The tools, acting as <paramref name="engine"/>'s caller.</summary>
    public static IEnumerable<McpServerTool> Create(MnemoEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var taskType = Schema.String("Only this task type, e.g. data_processing (default: every task type)");

        yield return new MnemoTool("update_learning_parameters",
            "Change the learning parameters the recommender and the learning cycle use; the ones not given are kept, and the change " +
            "is a new version (the history is kept). Unknown names or values out of range are refused with the reason and nothing " +
            $"is changed. Names: {string.Join(", ", LearningParameters.Names)} (exploration_factor is read as exploration).",
            Schema.Object(
                ("prior_successes", Schema.Number("The prior's pseudo-successes (default 1)", 0.01, 1000)),
                ("prior_failures", Schema.Number("The prior's pseudo-failures (default 1)", 0.01, 1000)),
                ("half_life_days", Schema.Number("Days after which an outcome counts half (default 30); 0 turns decay off", 0, 36_500)),
                ("exploration", Schema.Number("How far Thompson sampling strays from the means: 0 never, 1 plain Thompson sampling (default 1)", 0, 1)),
                ("exploration_factor", Schema.Number("Another name for exploration", 0, 1)),
                ("min_evidence", Schema.Number("Effective outcomes a context needs before its own evidence speaks for itself (default 5)", 0, 1_000_000)),
                ("credible_level", Schema.Number("The probability the reported intervals hold (default 0.9)", 0.01, 0.999))),
            MnemoTool.Writes(idempotent: true),
            async (args, ct) =>
            {
                var changes = args.AsObject();
                if (changes.EnumerateObject().Any() is false)
                {
                    throw new ToolArgumentException($"no parameter given: give one or more of {string.Join(", ", LearningParameters.Names)}, e.g. {{\"exploration\":0.5}}");
                }

                var stored = await engine.SetLearningParametersAsync(changes, ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => LearningJson.WriteParameters(writer, stored)));
            });

        yield return new MnemoTool("trigger_learning_cycle",
            "Run a learning cycle: recompute each strategy's derived estimate (learning/patterns/TASK/STRATEGY) and the insights " +
            "(learning/insights/TASK/NAME: a strategy that stopped working, one that wins under a context, evidence too thin to " +
            "choose), each with a computed confidence; write what changed and remove insights that no longer hold. The result " +
            "lists what was written, left unchanged and removed.",
            Schema.Object(("task_type", taskType), ("dry_run", Schema.Boolean("Report what would change without writing"))),
            MnemoTool.Writes(destructive: true, idempotent: true),
            async (args, ct) =>
            {
                var report = await engine.RunLearningCycleAsync(args.OptionalString("task_type"), args.Bool("dry_run", false), ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => LearningCycleJson.WriteCycle(writer, report)));
            });

        yield return new MnemoTool("get_learning_metrics",
            "How learning is doing, from the stored outcomes only: outcomes seen per task type and strategy; each outcome predicted " +
            "from the outcomes before it, scored by Brier score and log loss against a baseline of the task type's running success " +
            "rate; a calibration table; the estimated regret; and the success rate when the best-looking strategy was used against the others.",
            Schema.Object(("task_type", taskType)),
            MnemoTool.ReadOnly(),
            async (args, ct) =>
            {
                var metrics = await engine.GetLearningMetricsAsync(args.OptionalString("task_type"), ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => LearningCycleJson.WriteMetrics(writer, metrics)));
            });
    }

    /// <summary>The text of <c>mnemo://learning-metrics</c>: every task type's metrics.</summary>
    public static async Task<string> LearningMetricsAsync(MnemoEngine engine, CancellationToken cancellationToken)
    {
        var metrics = await engine.GetLearningMetricsAsync(null, cancellationToken).ConfigureAwait(false);
        return Text(writer => LearningCycleJson.WriteMetrics(writer, metrics));
    }

    /// <summary>The text of <c>mnemo://adaptation-patterns</c>: the derived patterns and the current insights.</summary>
    public static async Task<string> AdaptationPatternsAsync(MnemoEngine engine, CancellationToken cancellationToken)
    {
        var patterns = await engine.GetLearningPatternsAsync(null, cancellationToken).ConfigureAwait(false);
        var insights = await engine.GetLearningInsightsAsync(null, cancellationToken).ConfigureAwait(false);
        return Text(writer => LearningCycleJson.WriteAdaptation(writer, patterns, insights));
    }

    private static string Text(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Core.Transfer.ReadableJson.Indented))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
