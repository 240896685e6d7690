namespace Mnemo.Core.Learning.Prediction;

/// <summary>The workflow patterns of the action log (<see cref="MnemoEngine.GetWorkflowPatternsAsync"/>).</summary>
/// <param name="Patterns">The patterns, most frequent first (then longer first, then by steps).</param>
/// <param name="MinSupport">The fewest occurrences a pattern was required to have.</param>
/// <param name="MaxLength">The most steps a pattern could have.</param>
/// <param name="Sequences">The sequences mined.</param>
/// <param name="Actions">The actions in them.</param>
/// <param name="DistinctActions">The distinct action names among them.</param>
public sealed record WorkflowPatternReport(
    IReadOnlyList<WorkflowPattern> Patterns, int MinSupport, int MaxLength, int Sequences, long Actions, int DistinctActions);
