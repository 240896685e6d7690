using Mnemo.Core;
using Mnemo.Core.Conversations;
using Mnemo.Core.Results;
using Mnemo.Core.Tokens;
using Mnemo.Mcp.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp.Tools;

/// <summary>Conversation tools: start, list, show and end sessions, and add messages counted in exact tokens.</summary>
internal static class ConversationTools
{
    private const string SessionExample = "\"chat-42\"";

    /// <summary>The tools, acting as <paramref name="engine"/>'s caller.</summary>
    public static IEnumerable<McpServerTool> Create(MnemoEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var session = Schema.String("The session's id: one name such as chat-42");

        yield return new MnemoTool("session_start",
            "Start a conversation session whose messages are kept as memories and counted in exact tokens of a tokenizer.",
            Schema.Object(
                ("session!", session),
                ("tokenizer", Schema.Enum($"How messages are counted (default {TokenCounters.DefaultName})", [.. TokenCounters.BuiltInNames])),
                ("window_tokens", Schema.Integer($"The most tokens its sliding window holds (default {engine.Options.Window.MaxTokens})", 1, 10_000_000)),
                ("window_overlap", Schema.Integer($"The tokens of latest turns kept when the window slides (default {engine.Options.Window.Overlap})", 0, 10_000_000))),
            MnemoTool.Writes(),
            async (args, ct) =>
            {
                var started = await engine.StartSessionAsync(args.String("session", SessionExample), args.OptionalString("tokenizer"),
                    engine.Options.Window.With(args.OptionalInt("window_tokens", 1, 10_000_000), args.OptionalInt("window_overlap", 0, 10_000_000)), ct)
                    .ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => SessionJson.Write(writer, started)));
            });

        yield return new MnemoTool("message_add",
            "Add a message to a session. Secrets in it (API keys, tokens, e-mail addresses, card numbers) are replaced before it " +
            "is stored; the result says what was replaced and how many tokens the message has. A tool result names the " +
            "tool_call_id of the assistant message that called the tool.",
            Schema.Object(
                ("session!", session),
                ("role!", Schema.Enum("Who said it", "user", "assistant", "system", "tool")),
                ("text!", Schema.String("What was said")),
                ("tool_call_id", Schema.String("The tool call an assistant message makes, or the one a tool message answers"))),
            MnemoTool.Writes(),
            async (args, ct) =>
            {
                var message = await engine.AddMessageAsync(args.String("session", SessionExample), MessageRoles.Parse(args.String("role", "\"user\"")),
                    args.String("text", "\"Which database did we choose?\""), args.OptionalString("tool_call_id"), ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => SessionJson.WriteMessage(writer, message)));
            });

        yield return new MnemoTool("session_show",
            "A session with its messages in order, each with its token count.",
            Schema.Object(("session!", session)),
            MnemoTool.ReadOnly(),
            async (args, ct) =>
            {
                var (found, messages) = await engine.GetTranscriptAsync(args.String("session", SessionExample), ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => SessionJson.Write(writer, found, messages)));
            });

        yield return new MnemoTool("session_list",
            "The sessions there are, with their message and token counts.",
            Schema.Object(),
            MnemoTool.ReadOnly(),
            async (_, ct) =>
            {
                var sessions = await engine.ListSessionsAsync(ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.List("sessions", writer => SessionJson.WriteArray(writer, sessions)));
            });

        yield return new MnemoTool("session_end",
            "End a session: it keeps its messages and takes no more.",
            Schema.Object(("session!", session)),
            MnemoTool.Writes(idempotent: true),
            async (args, ct) =>
            {
                var ended = await engine.EndSessionAsync(args.String("session", SessionExample), ct).ConfigureAwait(false);
                return ToolResults.Json(CoreJson.Object(writer => SessionJson.Write(writer, ended)));
            });
    }
}
