namespace Mnemo.Core.Learning;

/// <summary>
/// How learning is doing, computed from the stored outcomes alone: what was seen, and a prequential evaluation of the
/// posteriors (each outcome predicted from the outcomes before it). See docs/learning-cycle.md.
/// </summary>
/// <param name="At">When the metrics were computed.</param>
/// <param name="TaskType">The task type asked about, or null for all.</param>
/// <param name="Parameters">The learning parameters the predictions used.</param>
/// <param name="Cap">The most outcomes per task type evaluated (the newest ones); <see cref="PrequentialEvaluation.Capped"/> says when it applied.</param>
/// <param name="Overall">Every task type's figures together (<see cref="TaskTypeLearningMetrics.TaskType"/> null).</param>
/// <param name="TaskTypes">Each task type's figures, by name.</param>
public sealed record LearningMetrics(
    DateTimeOffset At,
    string? TaskType,
    StoredLearningParameters Parameters,
    int Cap,
    TaskTypeLearningMetrics Overall,
    IReadOnlyList<TaskTypeLearningMetrics> TaskTypes);
