using System.CommandLine;
using Mnemo.Core.Context;
using Mnemo.Core.Messages;
using Mnemo.Core.Results;
using Mnemo.Core.Tokens;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo context "PROMPT" --session S --budget N</c>: the context to send with a prompt, never over the budget. The
/// context goes to standard output, so that it can be piped into a prompt; the report of what it holds goes to standard
/// error, or everything as one object with <c>--json</c>.
/// </summary>
internal static class ContextCommand
{
    public static Command Create()
    {
        var prompt = new Argument<string>("PROMPT") { Description = "The prompt the context is for" };
        var session = new Option<string?>("--session") { Description = "The session whose recent turns and state join the context" };
        var budget = new Option<int>("--budget")
        {
            Description = "The most tokens the context may have",
            DefaultValueFactory = _ => ContextRequest.DefaultBudget,
        };
        var tokenizer = new Option<string?>("--tokenizer")
        {
            Description = $"How the budget is counted: {string.Join(", ", TokenCounters.BuiltInNames)} (default: the session's, else {TokenCounters.DefaultName})",
        };
        var pin = new Option<string[]>("--pin") { Description = "A key that must be in the context (repeatable), besides the entries under pinned/" };
        var state = new Option<string?>("--state") { Description = "The saved state to include (default: the state named like the session, if any)" };
        var ns = new Option<string?>("--namespace") { Description = "Search memories only under this key prefix" };
        var memories = new Option<int>("--memories")
        {
            Description = "The most memories considered (the best search hits for the prompt), 0..1000",
            DefaultValueFactory = _ => ContextRequest.DefaultMaxMemories,
        };
        var recentShare = new Option<double>("--recent-share")
        {
            Description = "The share of the budget after pinned entries and state kept for recent turns before memories (0..1)",
            DefaultValueFactory = _ => ContextRequest.DefaultRecentShare,
        };
        var command = new Command("context", "Assemble the context for a prompt within a token budget: pinned entries, state, memories, recent turns")
        {
            prompt, session, budget, tokenizer, pin, state, ns, memories, recentShare,
        };
        command.SetBody(async context =>
        {
            var request = new ContextRequest
            {
                Prompt = context.Value(prompt)!,
                Session = context.Value(session),
                Budget = context.Value(budget),
                Tokenizer = context.Value(tokenizer),
                Pinned = context.Value(pin) ?? [],
                State = context.Value(state),
                Prefix = context.Value(ns) ?? "",
                MaxMemories = Memories(context.Value(memories)),
                RecentShare = context.Value(recentShare),
            };
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var assembled = await engine.AssembleContextAsync(request, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => ContextJson.Write(writer, assembled));
                }
                else
                {
                    await context.Output.WriteLineAsync(assembled.Text).ConfigureAwait(false);
                    await context.Error.WriteAsync(Report(assembled)).ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Memories(int value) => value is >= 0 and <= 1000
        ? value
        : throw new ArgumentException($"--memories {value} is not from 0 to 1000: give e.g. {ContextRequest.DefaultMaxMemories}");

    /// <summary>Tokens per section, then what was left out and why.</summary>
    private static string Report(AssembledContext assembled)
    {
        var report = new System.Text.StringBuilder();
        var sections = string.Join(", ", assembled.Sections.Select(section =>
            $"{ContextJson.SectionName(section.Kind)} {section.Tokens} ({Counted.Of(section.Items.Count, "item", "items")})"));
        report.AppendLine($"context: {assembled.Tokens} of {assembled.Budget} tokens ({assembled.Tokenizer}){(sections.Length > 0 ? ": " + sections : "")}");
        foreach (var omission in assembled.LeftOut)
        {
            var score = omission.Score is { } value ? $", score {value:0.###}" : "";
            var why = omission.DuplicateOf is { } of ? $"near-duplicate of {of}" : ContextJson.ReasonName(omission.Reason).Replace('_', ' ');
            report.AppendLine($"left out {omission.Key} ({ContextJson.SectionName(omission.Kind)}, {omission.Tokens} tokens{score}): {why}");
        }

        return report.ToString();
    }
}
