namespace Mnemo.Core.Learning.Recovery;

/// <summary>A past outcome found similar to a task, with its hybrid search score (0..1).</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="Score">How similar its entry's text is to the task description.</param>
public sealed record SimilarOutcome(TaskOutcome Outcome, double Score);
