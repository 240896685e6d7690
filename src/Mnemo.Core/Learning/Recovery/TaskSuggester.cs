namespace Mnemo.Core.Learning.Recovery;

/// <summary>
/// Ranks what similar past tasks used (pure): each tool, memory and strategy scores Σ over the similar outcomes that used
/// it of (search score × reward), so a tool of a close, successful task outranks one of a distant or failed task, and
/// one used by several similar successes outranks one used once.
/// </summary>
internal static class TaskSuggester
{
    /// <summary>The suggestion for <paramref name="task"/> from the similar outcomes found, most similar first.</summary>
    public static TaskSuggestion Suggest(string task, IReadOnlyList<SimilarOutcome> similar, int top)
    {
        if (similar.Count == 0)
        {
            return new TaskSuggestion(task, RecoveryDefaults.SimilarTaskThreshold, [], [], [], [],
                "no similar task was recorded: nothing to suggest yet");
        }

        var tools = Rank(similar, outcome => outcome.Tools, top);
        var memories = Rank(similar, outcome => outcome.Memories, top);
        var strategies = Rank(similar, outcome => [outcome.Strategy], top);
        var succeeded = similar.Count(hit => hit.Outcome.Success);
        var note = $"{similar.Count} similar task{(similar.Count == 1 ? " was" : "s were")} recorded, {succeeded} succeeded";
        return new TaskSuggestion(task, RecoveryDefaults.SimilarTaskThreshold, tools, memories, strategies, similar, note);
    }

    private static List<SuggestedItem> Rank(IReadOnlyList<SimilarOutcome> similar, Func<TaskOutcome, IReadOnlyList<string>> items, int top)
    {
        var totals = new Dictionary<string, (double Score, int UsedIn, int SucceededIn)>(StringComparer.Ordinal);
        foreach (var (outcome, score) in similar)
        {
            foreach (var item in items(outcome).Distinct(StringComparer.Ordinal))
            {
                var (sum, used, succeeded) = totals.GetValueOrDefault(item);
                totals[item] = (sum + score * outcome.Reward, used + 1, succeeded + (outcome.Success ? 1 : 0));
            }
        }

        return totals.Select(pair => new SuggestedItem(pair.Key, Math.Round(pair.Value.Score, 6), pair.Value.UsedIn, pair.Value.SucceededIn))
            .OrderByDescending(item => item.Score)
            .ThenByDescending(item => item.SucceededIn)
            .ThenByDescending(item => item.UsedIn)
            .ThenBy(item => item.Name, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }
}
