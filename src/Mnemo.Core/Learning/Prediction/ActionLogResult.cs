namespace Mnemo.Core.Learning.Prediction;

/// <summary>What became of an action given to <see cref="MnemoEngine.RecordActionAsync"/>.</summary>
/// <param name="Action">The action as stored, with its id; null when it was not recorded.</param>
/// <param name="NotRecordedReason">Why it was not recorded (recording is off, the store is read-only, ...); null when it was.</param>
public sealed record ActionLogResult(ActionRecord? Action, string? NotRecordedReason)
{
    /// <summary>True when the action is in the log.</summary>
    public bool Recorded => Action is not null;
}
