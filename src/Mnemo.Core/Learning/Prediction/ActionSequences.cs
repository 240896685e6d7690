namespace Mnemo.Core.Learning.Prediction;

/// <summary>
/// Cuts the action log into the sequences prediction learns from: the actions of each (agent, session) in time order;
/// actions recorded without a session, per agent, split wherever <see cref="SessionlessGap"/> passes between two.
/// </summary>
internal static class ActionSequences
{
    /// <summary>
    /// The pause that ends a sequence of actions recorded without a session: 30 minutes, about the pause after which a
    /// person or an agent has moved on to another task (the common web-analytics session timeout).
    /// </summary>
    public static readonly TimeSpan SessionlessGap = TimeSpan.FromMinutes(30);

    /// <summary>The sequences of <paramref name="records"/>, ordered by their first action's time.</summary>
    public static IReadOnlyList<ActionSequence> Build(IEnumerable<ActionRecord> records)
    {
        var sequences = new List<ActionSequence>();
        foreach (var group in records.OrderBy(r => r.At).ThenBy(r => r.Id).GroupBy(r => (r.Agent, r.Session)))
        {
            var actions = new List<string>();
            DateTimeOffset start = default, end = default;
            foreach (var record in group)
            {
                if (actions.Count > 0 && record.Session is null && record.At - end > SessionlessGap)
                {
                    sequences.Add(new ActionSequence(group.Key.Agent, null, actions, start, end));
                    actions = [];
                }

                if (actions.Count == 0)
                {
                    start = record.At;
                }

                actions.Add(record.Action);
                end = record.At;
            }

            sequences.Add(new ActionSequence(group.Key.Agent, group.Key.Session, actions, start, end));
        }

        return [.. sequences.OrderBy(s => s.Start)];
    }
}
