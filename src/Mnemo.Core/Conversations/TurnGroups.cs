namespace Mnemo.Core.Conversations;

/// <summary>Groups a session's turns into the runs that a window or a context takes or leaves whole.</summary>
internal static class TurnGroups
{
    /// <summary>
    /// Each message alone, except that a tool call and the results that answer it are one group with every turn
    /// between them, so that groups stay runs of consecutive turns and nothing ever splits a call from its results.
    /// </summary>
    public static List<List<SessionMessage>> Group(IEnumerable<SessionMessage> messages)
    {
        var groups = new List<List<SessionMessage>>();
        var groupOfCall = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (message.Role == MessageRole.Tool && message.ToolCallId is { } answered && groupOfCall.TryGetValue(answered, out var first))
            {
                groups[first].AddRange(groups.Skip(first + 1).SelectMany(group => group));
                groups.RemoveRange(first + 1, groups.Count - first - 1);
                foreach (var merged in groupOfCall.Where(pair => pair.Value > first).Select(pair => pair.Key).ToList())
                {
                    groupOfCall[merged] = first;
                }

                groups[first].Add(message);
                continue;
            }

            groups.Add([message]);
            if (message.Role == MessageRole.Assistant && message.ToolCallId is { } call)
            {
                groupOfCall[call] = groups.Count - 1;
            }
        }

        return groups;
    }
}
