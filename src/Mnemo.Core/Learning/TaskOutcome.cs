namespace Mnemo.Core.Learning;

/// <summary>A recorded task outcome, as read back from its entry.</summary>
/// <param name="Key">The entry's key, under <see cref="LearningKeys.Outcomes"/>.</param>
/// <param name="TaskType">The kind of task.</param>
/// <param name="Strategy">The strategy it used.</param>
/// <param name="Success">Whether it succeeded.</param>
/// <param name="Reward">The graded result in 0..1 (the success as 1 or 0 when none was given).</param>
/// <param name="DurationSeconds">How long it took, when reported.</param>
/// <param name="Agents">The agents that worked on it.</param>
/// <param name="Context">The context's features (<see cref="ContextFeatures"/>), sorted.</param>
/// <param name="Description">What the task was, when given.</param>
/// <param name="Tools">The tools it used.</param>
/// <param name="Memories">The memories it used.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="RecordedBy">The agent that recorded it, if any.</param>
/// <param name="Session">The session it was recorded in, if any.</param>
public sealed record TaskOutcome(
    string Key,
    string TaskType,
    string Strategy,
    bool Success,
    double Reward,
    double? DurationSeconds,
    IReadOnlyList<string> Agents,
    IReadOnlyList<string> Context,
    string? Description,
    IReadOnlyList<string> Tools,
    IReadOnlyList<string> Memories,
    DateTimeOffset At,
    string? RecordedBy,
    string? Session);
