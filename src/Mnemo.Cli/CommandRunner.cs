using System.CommandLine;
using System.Text.Json;
using Mnemo.Core;

namespace Mnemo.Cli;

/// <summary>Runs a command body and turns every failure into a one-line message on stderr and an exit code.</summary>
internal static class CommandRunner
{
    /// <summary>Sets <paramref name="body"/> as the action of <paramref name="command"/>.</summary>
    public static void SetBody(this Command command, Func<CommandContext, Task<int>> body) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(new CommandContext(parseResult, cancellationToken), body, failureExitCode: null));

    /// <summary>
    /// Sets <paramref name="body"/> as the action of a command whose exit codes report on something else (<c>health</c>:
    /// 1 is a warning): every failure exits <paramref name="failureExitCode"/>, with the same message on stderr.
    /// </summary>
    public static void SetBody(this Command command, Func<CommandContext, Task<int>> body, int failureExitCode) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(new CommandContext(parseResult, cancellationToken), body, failureExitCode));

    private static async Task<int> RunAsync(CommandContext context, Func<CommandContext, Task<int>> body, int? failureExitCode)
    {
        try
        {
            return await body(context).ConfigureAwait(false);
        }
        catch (Exception e) when (Classify(e) is { } exitCode)
        {
            await context.Error.WriteLineAsync($"mnemo: {OneLine(e)}").ConfigureAwait(false);
            return failureExitCode ?? exitCode;
        }
    }

    private static int? Classify(Exception e) => e switch
    {
        MnemoException mnemo => mnemo.IsCallerError ? ExitCodes.CallerError : ExitCodes.SystemError,
        ArgumentException or FormatException or JsonException => ExitCodes.CallerError,
        OperationCanceledException => ExitCodes.SystemError,
        IOException or UnauthorizedAccessException => ExitCodes.SystemError,
        _ => ExitCodes.SystemError,
    };

    private static string OneLine(Exception e)
    {
        var message = e switch
        {
            // ArgumentException appends " (Parameter 'x')", which means nothing to a command-line user.
            ArgumentException argument when argument.ParamName is not null => argument.Message.Replace($" (Parameter '{argument.ParamName}')", ""),
            // An import that had committed batches says which (Core's message); any other cancellation stops a change that is
            // one transaction, so nothing of it was written.
            Core.Transfer.ImportInterruptedException => e.Message,
            OperationCanceledException => "cancelled; nothing of the interrupted change was written",
            // Core says its remedies in the engine's words; the CLI names its own flags and commands for them.
            MnemoException mnemo => mnemo.Render(CliHints.Render),
            ArgumentException or FormatException or IOException or UnauthorizedAccessException => e.Message,
            _ => $"internal error ({e.GetType().Name}: {e.Message}); please report it",
        };
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}
