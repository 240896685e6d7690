using Mnemo.Core;
using Mnemo.Core.Context;
using Mnemo.Core.Results;
using Mnemo.Core.Tokens;
using Mnemo.Mcp.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp.Tools;

/// <summary>The context tool: what to send with a prompt, within a token budget, with the report of what it holds.</summary>
internal static class ContextTools
{
    /// <summary>The tools, acting as <paramref name="engine"/>'s caller.</summary>
    public static IEnumerable<McpServerTool> Create(MnemoEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        yield return new MnemoTool("context_assemble",
            "Assemble the context for a prompt in at most `budget` tokens: pinned entries (under pinned/), the session's state, " +
            "the memories that best match the prompt (near-duplicates collapsed, cut at sentences to fit) and the session's most " +
            "recent turns (a tool call always with its result). Returns the text and a report: tokens per section, each item's " +
            "score, and what was left out and why.",
            Schema.Object(
                ("prompt!", Schema.String("The prompt the context is for")),
                ("session", Schema.String("The session whose recent turns and state join the context, e.g. chat-42")),
                ("budget", Schema.Integer($"The most tokens the context may have (default {ContextRequest.DefaultBudget})", 1, 10_000_000)),
                ("tokenizer", Schema.Enum("How the budget is counted (default: the session's tokenizer)", [.. TokenCounters.BuiltInNames])),
                ("pinned", Schema.Strings("Keys that must be in the context, besides the entries under pinned/")),
                ("state", Schema.String("The saved state to include (default: the state named like the session, if any)")),
                ("namespace", Schema.String("Search memories only under this key prefix")),
                ("max_memories", Schema.Integer($"The most memories considered (default {ContextRequest.DefaultMaxMemories})", 0, 1000)),
                ("recent_share", Schema.Number($"The share of the budget after pinned entries and state kept for recent turns (default {ContextRequest.DefaultRecentShare})", 0, 1))),
            MnemoTool.ReadOnly(),
            async (args, ct) =>
            {
                var request = new ContextRequest
                {
                    Prompt = args.String("prompt", "\"what did we decide about the database?\""),
                    Session = args.OptionalString("session"),
                    Budget = args.Int("budget", ContextRequest.DefaultBudget, 1, 10_000_000),
                    Tokenizer = args.OptionalString("tokenizer"),
                    Pinned = args.OptionalStrings("pinned") ?? [],
                    State = args.OptionalString("state"),
                    Prefix = args.OptionalString("namespace") ?? "",
                    MaxMemories = args.Int("max_memories", ContextRequest.DefaultMaxMemories, 0, 1000),
                    RecentShare = args.OptionalDouble("recent_share", 0, 1) ?? ContextRequest.DefaultRecentShare,
                };
                var assembled = await engine.AssembleContextAsync(request, ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => ContextJson.Write(writer, assembled)));
            });
    }
}
