namespace Mnemo.Core.Learning.Recovery;

/// <summary>An error record as stored and read back.</summary>
/// <param name="Key">The entry's key: <c>learning/errors/CLUSTER/ID</c>.</param>
/// <param name="Cluster">The cluster: a short hash of <paramref name="Signature"/>.</param>
/// <param name="Signature">The normalised message (<see cref="ErrorSignature"/>): what recurs between occurrences.</param>
/// <param name="Message">The error as it was shown.</param>
/// <param name="Context">The context's features (<see cref="ContextFeatures"/>), sorted.</param>
/// <param name="Fix">What was done about it, if anything.</param>
/// <param name="Worked">Whether the fix worked; null when there was no fix.</param>
/// <param name="Tool">The tool that failed, if given.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="RecordedBy">The agent that recorded it, if any.</param>
public sealed record RecordedError(
    string Key,
    string Cluster,
    string Signature,
    string Message,
    IReadOnlyList<string> Context,
    string? Fix,
    bool? Worked,
    string? Tool,
    DateTimeOffset At,
    string? RecordedBy);
