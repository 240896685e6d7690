namespace Mnemo.Benchmarks.Context;

/// <summary>One generated user: past sessions, the current one, and the questions asked in it.</summary>
/// <param name="Name">The user's name, also the prefix of their session ids.</param>
/// <param name="Past">Their past sessions, oldest first.</param>
/// <param name="Current">The current session: a few recent turns, before the questions.</param>
/// <param name="Questions">Questions whose evidence lies in <paramref name="Past"/>.</param>
internal sealed record ContextUser(string Name, IReadOnlyList<ContextTranscript> Past, ContextTranscript Current, IReadOnlyList<ContextQuestion> Questions)
{
    /// <summary>Every session, oldest first, the current one last.</summary>
    public IEnumerable<ContextTranscript> Sessions => Past.Append(Current);

    /// <summary>Every message of every session, in the order they are added.</summary>
    public IEnumerable<ContextMessage> Messages => Sessions.SelectMany(s => s.Messages);
}
