using Mnemo.Core;
using Mnemo.Core.Learning.Recovery;
using Mnemo.Core.Results;
using Mnemo.Mcp.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp.Tools;

/// <summary>
/// Error recovery and task suggestion tools: record an error with its fix, get the fixes that worked for the nearest
/// recorded error, and rank what similar past tasks used; the same engine calls and JSON (Core's
/// <see cref="RecoveryJson"/>) as CLI <c>mnemo error record</c>, <c>mnemo recover</c> and <c>mnemo suggest</c>.
/// </summary>
internal static class RecoveryTools
{
    private const string MessageExample = "\"connection refused: localhost:5432\"";

    /// <summary>The tools, acting as <paramref name="engine"/>'s caller.</summary>
    public static IEnumerable<McpServerTool> Create(MnemoEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var top = Schema.Integer($"How many results at most per list (default {RecoveryDefaults.Top})", 1, RecoveryDefaults.MaxTop);

        yield return new MnemoTool("record_error",
            "Record an error you met and what you did about it, so that recover_from_error can offer the fix next time. " +
            "Occurrences of the same error (numbers, paths, ids and quoted values masked) are counted together.",
            Schema.Object(
                ("message!", Schema.String("The error as it was shown, e.g. connection refused: localhost:5432")),
                ("context", Schema.AnyObject("Where it happened, e.g. {\"service\":\"db\",\"attempt\":2}")),
                ("fix", Schema.String("What was done about it, e.g. start the database container")),
                ("worked", Schema.Boolean("Whether the fix made the error go away (default true when a fix is given)")),
                ("tool", Schema.String("The tool or command that failed, e.g. psql"))),
            MnemoTool.Writes(),
            async (args, ct) =>
            {
                var record = new ErrorRecord
                {
                    Message = args.String("message", MessageExample),
                    Context = args.OptionalJson("context"),
                    Fix = args.OptionalString("fix"),
                    Worked = args.OptionalJson("worked") is null ? null : args.Bool("worked", true),
                    Tool = args.OptionalString("tool"),
                };
                var stored = await engine.RecordErrorAsync(record, ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => RecoveryJson.WriteError(writer, stored)));
            });

        yield return new MnemoTool("recover_from_error",
            "The fixes recorded for the nearest error to this one (the same error, else a similar one by words and meaning), " +
            "best first, with how often each worked and a 90% interval. match is none when nothing similar was recorded.",
            Schema.Object(("error!", Schema.String("The error as it was shown")), ("top", top)),
            MnemoTool.ReadOnly(),
            async (args, ct) =>
            {
                var advice = await engine.RecoverAsync(args.String("error", MessageExample), args.Int("top", RecoveryDefaults.Top, 1, RecoveryDefaults.MaxTop), ct)
                    .ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => RecoveryJson.WriteAdvice(writer, advice)));
            });

        yield return new MnemoTool("suggest_for_task",
            "Before a task: the tools, memories (keys) and strategies used in similar past tasks (recorded outcomes), ranked by " +
            "similarity × reward, with how often they were used and succeeded, and the similar outcomes themselves.",
            Schema.Object(("task!", Schema.String("The task in words, e.g. import the nightly sales files")), ("top", top)),
            MnemoTool.ReadOnly(),
            async (args, ct) =>
            {
                var suggestion = await engine.SuggestAsync(args.String("task", "\"import the nightly sales files\""),
                    args.Int("top", RecoveryDefaults.Top, 1, RecoveryDefaults.MaxTop), ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => RecoveryJson.WriteSuggestion(writer, suggestion)));
            });
    }
}
