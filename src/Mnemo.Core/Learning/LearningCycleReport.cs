namespace Mnemo.Core.Learning;

/// <summary>What a learning cycle wrote, left as it was and removed (or, in a dry run, would have).</summary>
/// <param name="At">When the cycle ran.</param>
/// <param name="TaskType">The task type asked for, or null for all.</param>
/// <param name="DryRun">True when nothing was written or removed.</param>
/// <param name="ParametersVersion">The version of the learning parameters used (0: the defaults).</param>
/// <param name="TaskTypes">The task types the cycle went over, by name.</param>
/// <param name="Changes">Every derived entry the cycle considered, by key.</param>
public sealed record LearningCycleReport(
    DateTimeOffset At, string? TaskType, bool DryRun, long ParametersVersion, IReadOnlyList<string> TaskTypes, IReadOnlyList<LearningCycleChange> Changes)
{
    /// <summary>The entries written (in a dry run: that would be).</summary>
    public IReadOnlyList<LearningCycleChange> Written => [.. Changes.Where(c => c.Action == LearningCycleAction.Written)];

    /// <summary>The entries that already held what the cycle derived.</summary>
    public IReadOnlyList<LearningCycleChange> Unchanged => [.. Changes.Where(c => c.Action == LearningCycleAction.Unchanged)];

    /// <summary>The entries removed because they no longer hold (in a dry run: that would be).</summary>
    public IReadOnlyList<LearningCycleChange> Removed => [.. Changes.Where(c => c.Action == LearningCycleAction.Removed)];
}
