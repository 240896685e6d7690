namespace Mnemo.Core.Conversations;

/// <summary>Groups a session's turns into the runs that a window or a context takes or leaves whole.</summary>
internal static class TurnGroups
{
    /// <summary>
    /// Each message alone, except that a tool call and the results that answer it are one group with every turn
    /// between them, so that groups stay runs of consecutive turns and nothing ever splits a call from its results;
    /// and a tool call made while the group before it still waits for a result joins that group.
    /// </summary>
    /// <remarks>
    /// The second rule is for calls made in parallel (call 1, call 2, result 1, result 2): until result 1 arrives, call 1
    /// is a group of its own, and a window sliding at call 2 could drop it and then keep result 1 without its call. A
    /// batch of calls is one group from its first call on, so whatever slides keeps the batch whole.
    /// </remarks>
    public static List<List<SessionMessage>> Group(IEnumerable<SessionMessage> messages)
    {
        var groups = new List<List<SessionMessage>>();
        var groupOfCall = new Dictionary<string, int>(StringComparer.Ordinal);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (message.Role == MessageRole.Tool && message.ToolCallId is { } answer && groupOfCall.TryGetValue(answer, out var first))
            {
                groups[first].AddRange(groups.Skip(first + 1).SelectMany(group => group));
                groups.RemoveRange(first + 1, groups.Count - first - 1);
                foreach (var merged in groupOfCall.Where(pair => pair.Value > first).Select(pair => pair.Key).ToList())
                {
                    groupOfCall[merged] = first;
                }

                groups[first].Add(message);
                answered.Add(answer);
                continue;
            }

            var call = message.Role == MessageRole.Assistant ? message.ToolCallId : null;
            if (call is not null && groups.Count > 0 && groups[^1].Exists(turn => IsCall(turn) && !answered.Contains(turn.ToolCallId!)))
            {
                groups[^1].Add(message);
            }
            else
            {
                groups.Add([message]);
            }

            if (call is not null)
            {
                groupOfCall[call] = groups.Count - 1;
            }
        }

        return groups;
    }

    private static bool IsCall(SessionMessage message) => message.Role == MessageRole.Assistant && message.ToolCallId is not null;
}
