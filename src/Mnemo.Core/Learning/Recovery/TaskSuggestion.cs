namespace Mnemo.Core.Learning.Recovery;

/// <summary>
/// What <see cref="MnemoEngine.SuggestAsync"/> found for a task: the tools, memories and strategies of similar past
/// tasks, each scored Σ (search score × reward) over the similar outcomes that used it, best first.
/// </summary>
/// <param name="Task">The task description asked about.</param>
/// <param name="Threshold">The search score an outcome needed to count as similar (<see cref="RecoveryDefaults.SimilarTaskThreshold"/>).</param>
/// <param name="Tools">The tools, best first.</param>
/// <param name="Memories">The memory keys, best first.</param>
/// <param name="Strategies">The strategies, best first.</param>
/// <param name="Similar">The similar outcomes the scores come from, most similar first.</param>
/// <param name="Note">A sentence saying what was found, for people.</param>
public sealed record TaskSuggestion(
    string Task,
    double Threshold,
    IReadOnlyList<SuggestedItem> Tools,
    IReadOnlyList<SuggestedItem> Memories,
    IReadOnlyList<SuggestedItem> Strategies,
    IReadOnlyList<SimilarOutcome> Similar,
    string Note);
