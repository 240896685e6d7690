namespace Mnemo.Core.Conversations;

/// <summary>The names of <see cref="MessageRole"/> as users write them: user, assistant, system, tool.</summary>
public static class MessageRoles
{
    /// <summary>The name of a role.</summary>
    public static string Name(MessageRole role) => role switch
    {
        MessageRole.User => "user",
        MessageRole.Assistant => "assistant",
        MessageRole.System => "system",
        MessageRole.Tool => "tool",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a message role"),
    };

    /// <summary>The role named <paramref name="name"/> (case does not matter).</summary>
    /// <exception cref="ArgumentException">It names no role; the message lists the roles.</exception>
    public static MessageRole Parse(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "user" => MessageRole.User,
        "assistant" => MessageRole.Assistant,
        "system" => MessageRole.System,
        "tool" => MessageRole.Tool,
        _ => throw new ArgumentException($"role '{name}' is not a message role: use user, assistant, system or tool", nameof(name)),
    };
}
