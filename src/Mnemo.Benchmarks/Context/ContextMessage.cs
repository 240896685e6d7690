using Mnemo.Core.Conversations;

namespace Mnemo.Benchmarks.Context;

/// <summary>One generated message, as it is added to its session.</summary>
/// <param name="Session">The session's id.</param>
/// <param name="Sequence">Its number in the session, from 1, as <see cref="Core.MnemoEngine.AddMessageAsync"/> numbers it.</param>
/// <param name="Role">Who says it.</param>
/// <param name="Text">What is said.</param>
/// <param name="ToolCallId">The call an assistant message makes, or the one a tool message answers.</param>
internal sealed record ContextMessage(string Session, int Sequence, MessageRole Role, string Text, string? ToolCallId = null);
