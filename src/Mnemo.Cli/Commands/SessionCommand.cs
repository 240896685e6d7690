using System.CommandLine;
using Mnemo.Core.Conversations;
using Mnemo.Core.Messages;
using Mnemo.Core.Results;
using Mnemo.Core.Tokens;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo session start|list|show|end</c> and <c>mnemo message add</c>: conversations kept as entries, counted in tokens.</summary>
internal static class SessionCommand
{
    public static Command Create()
    {
        var command = new Command("session", "Start, list, show and end conversation sessions (messages counted in exact tokens)");
        command.Subcommands.Add(CreateStart());
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateShow());
        command.Subcommands.Add(CreateEnd());
        return command;
    }

    public static Command CreateMessage()
    {
        var session = SessionArgument();
        var role = new Option<string>("--role") { Description = "Who said it: user, assistant, system or tool", Required = true };
        var text = new Argument<string>("TEXT") { Description = "What was said" };
        var toolCall = new Option<string?>("--tool-call-id") { Description = "The tool call an assistant message makes, or the one a tool message answers" };
        var add = new Command("add", "Add a message to a session") { session, text, role, toolCall };
        add.SetBody(async context =>
        {
            var parsedRole = MessageRoles.Parse(context.Value(role)!);
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var message = await engine.AddMessageAsync(context.Value(session)!, parsedRole, context.Value(text)!, context.Value(toolCall),
                    context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => SessionJson.WriteMessage(writer, message));
                }
                else
                {
                    var redacted = message.Redacted.Count == 0 ? ""
                        : "; redacted " + string.Join(", ", message.Redacted.Select(finding => $"{finding.Count} {finding.Kind}"));
                    await context.Output.WriteLineAsync($"added message {message.Sequence} to {message.Session} ({message.Tokens} tokens, {message.Tokenizer}{redacted})")
                        .ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        var command = new Command("message", "Add messages to conversation sessions");
        command.Subcommands.Add(add);
        return command;
    }

    private static Argument<string> SessionArgument() => new("SESSION") { Description = "The session's id, e.g. chat-42" };

    private static Command CreateStart()
    {
        var session = SessionArgument();
        var tokenizer = new Option<string>("--tokenizer")
        {
            Description = $"How messages are counted: {string.Join(", ", TokenCounters.BuiltInNames)}",
            DefaultValueFactory = _ => TokenCounters.DefaultName,
        };
        var window = new Option<int?>("--window") { Description = "The most tokens its sliding window holds (default 4096, MNEMO_MAX_CONTEXT_LENGTH)" };
        var overlap = new Option<int?>("--overlap") { Description = "The tokens of latest turns kept when the window slides (default 128, MNEMO_CONTEXT_OVERLAP)" };
        var command = new Command("start", "Start a session") { session, tokenizer, window, overlap };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var started = await engine.StartSessionAsync(context.Value(session)!, context.Value(tokenizer),
                    engine.Options.Window.With(context.Value(window), context.Value(overlap)), context.CancellationToken).ConfigureAwait(false);
                await WriteAsync(context, started, $"started session {started.Id} (tokens counted with {started.Tokenizer})").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateList()
    {
        var command = new Command("list", "List the sessions with their message and token counts");
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var sessions = await engine.ListSessionsAsync(context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => SessionJson.WriteArray(writer, sessions));
                }
                else
                {
                    foreach (var s in sessions)
                    {
                        await context.Output.WriteLineAsync($"{s.Id}  {s.Messages} messages, {s.Tokens} tokens ({s.Tokenizer}), started {s.Started:u}"
                            + (s.Ended is { } ended ? $", ended {ended:u}" : "")).ConfigureAwait(false);
                    }

                    await context.Output.WriteLineAsync(sessions.Count == 1 ? "1 session" : $"{sessions.Count} sessions").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateShow()
    {
        var session = SessionArgument();
        var command = new Command("show", "Show a session and its messages in order") { session };
        command.SetBody(async context =>
        {
            var id = context.Value(session)!;
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var (found, messages) = await engine.GetTranscriptAsync(id, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => SessionJson.Write(writer, found, messages));
                    return ExitCodes.Ok;
                }

                await context.Output.WriteLineAsync($"session {found.Id}: {found.Messages} messages, {found.Tokens} tokens ({found.Tokenizer})"
                    + (found.Ended is { } ended ? $", ended {ended:u}" : "")).ConfigureAwait(false);
                await context.Output.WriteLineAsync($"window: from message {found.WindowStart}, {found.WindowTokens} of {found.Window.MaxTokens} tokens "
                    + $"(overlap {found.Window.Overlap}), {Counted.Of(found.Compactions, "compaction", "compactions")}").ConfigureAwait(false);
                foreach (var m in messages)
                {
                    var call = m.ToolCallId is { } callId ? $" [{callId}]" : "";
                    await context.Output.WriteLineAsync($"{m.Sequence,4} {MessageRoles.Name(m.Role)}{call} ({m.Tokens}): {m.Text}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateEnd()
    {
        var session = SessionArgument();
        var command = new Command("end", "End a session: it keeps its messages and takes no more") { session };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var ended = await engine.EndSessionAsync(context.Value(session)!, context.CancellationToken).ConfigureAwait(false);
                await WriteAsync(context, ended, $"ended session {ended.Id} ({ended.Messages} messages, {ended.Tokens} tokens)").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteAsync(CommandContext context, ConversationSession session, string line)
    {
        if (context.Json)
        {
            context.WriteJson(writer => SessionJson.Write(writer, session));
        }
        else
        {
            await context.Output.WriteLineAsync(line).ConfigureAwait(false);
        }
    }
}
