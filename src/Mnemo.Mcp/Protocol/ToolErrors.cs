using Mnemo.Core;

namespace Mnemo.Mcp.Protocol;

/// <summary>
/// Turns an exception from a tool into a message for the model: what was wrong with the call and how to fix it, or that
/// the store failed and what the user can do about it. Messages never carry stack traces, and a store failure's
/// message, which names the database's files, is said as what failed and its remedies.
/// </summary>
internal static class ToolErrors
{
    /// <summary>The message for <paramref name="exception"/>, or null for cancellation (which is not a tool error).</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        OperationCanceledException => null,
        ToolArgumentException ex => ex.Message,
        // Core says its remedies in the engine's words; the server names its tool arguments for them.
        MnemoException { IsCallerError: true } ex => ex.Render(McpHints.Render),
        MnemoException { IsTransient: true } ex => $"the store is busy with another writer: {Remedies(ex, "try the call again")}",
        // An embedding endpoint's failure names the endpoint and the server's setting to check, no file.
        MnemoException { ErrorCode: MnemoErrorCode.EmbedderFailed } ex => ex.Render(McpHints.Render),
        MnemoException ex => $"the store failed ({ex.ErrorCode}): {Remedies(ex, "try again; if it keeps failing, the user can run `mnemo check`")}",
        ArgumentException ex => WithoutParameterSuffix(ex),
        _ => "the call failed inside Mnemo: try again; if it keeps failing, the user can run `mnemo check`",
    };

    // The remedies Core proposes for the failure, as the server says them; the fallback when it proposes none.
    private static string Remedies(MnemoException exception, string fallback) =>
        exception.Description.Hints.Count == 0 ? fallback : string.Join("; ", exception.Description.Hints.Select(McpHints.Render));

    // ArgumentException appends " (Parameter 'x')" to its message; the message itself already names the argument.
    private static string WithoutParameterSuffix(ArgumentException exception) =>
        exception.ParamName is { } name && exception.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? exception.Message[..^$" (Parameter '{name}')".Length]
            : exception.Message;
}
