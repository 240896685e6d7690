namespace Mnemo.Core.Learning;

/// <summary>One task type's (or, with a null task type, every task type's) learning figures.</summary>
/// <param name="TaskType">The task type; null for the overall figures.</param>
/// <param name="Outcomes">The outcomes recorded.</param>
/// <param name="Successes">How many of them succeeded.</param>
/// <param name="First">When the first was recorded; null without outcomes.</param>
/// <param name="Last">When the last was recorded; null without outcomes.</param>
/// <param name="Strategies">The outcomes per strategy, by name.</param>
/// <param name="Evaluation">The prequential evaluation of the predictions.</param>
public sealed record TaskTypeLearningMetrics(
    string? TaskType,
    int Outcomes,
    int Successes,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    IReadOnlyList<StrategyOutcomeCount> Strategies,
    PrequentialEvaluation Evaluation);
