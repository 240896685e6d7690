using Mnemo.Core;

namespace Mnemo.Mcp.Protocol;

/// <summary>
/// Turns an exception from a tool into a message for the model: what was wrong with the call and how to fix it, or that
/// the store failed. Messages never carry file paths or stack traces.
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
        MnemoException { IsTransient: true } => "the store is busy with another writer: try the call again",
        MnemoException ex => $"the store failed ({ex.ErrorCode}): try again; if it keeps failing, the user can run `mnemo check`",
        ArgumentException ex => WithoutParameterSuffix(ex),
        _ => "the call failed inside Mnemo: try again; if it keeps failing, the user can run `mnemo check`",
    };

    // ArgumentException appends " (Parameter 'x')" to its message; the message itself already names the argument.
    private static string WithoutParameterSuffix(ArgumentException exception) =>
        exception.ParamName is { } name && exception.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? exception.Message[..^$" (Parameter '{name}')".Length]
            : exception.Message;
}
