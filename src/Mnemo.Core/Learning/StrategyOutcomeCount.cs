namespace Mnemo.Core.Learning;

/// <summary>The outcomes of one strategy.</summary>
/// <param name="Strategy">The strategy (for the overall figures, <c>TASK-TYPE/STRATEGY</c>).</param>
/// <param name="Outcomes">Its outcomes.</param>
/// <param name="Successes">How many succeeded.</param>
/// <param name="First">When the first was recorded.</param>
/// <param name="Last">When the last was recorded.</param>
public sealed record StrategyOutcomeCount(string Strategy, int Outcomes, int Successes, DateTimeOffset First, DateTimeOffset Last);
