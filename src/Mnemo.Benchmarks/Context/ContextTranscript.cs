namespace Mnemo.Benchmarks.Context;

/// <summary>One generated session of a user, its messages in order.</summary>
/// <param name="Id">The session's id (one key segment).</param>
/// <param name="Messages">Its messages, numbered from 1.</param>
internal sealed record ContextTranscript(string Id, IReadOnlyList<ContextMessage> Messages);
